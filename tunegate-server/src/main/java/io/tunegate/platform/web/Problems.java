package io.tunegate.platform.web;

import org.springframework.http.ProblemDetail;

import java.util.List;

/** Builds the problem bodies; field errors go in an {@code errors} member. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        return problem;
    }

    public static ProblemDetail of(ProblemType type, String detail, List<FieldViolation> violations) {
        ProblemDetail problem = of(type, detail);
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        return problem;
    }
}
