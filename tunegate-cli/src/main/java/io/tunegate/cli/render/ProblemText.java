package io.tunegate.cli.render;

import io.tunegate.client.Problem;
import java.util.Map;

/** An RFC 9457 problem for people: status and title, the detail, the wrong fields, then the other members. */
public final class ProblemText {

    private ProblemText() {
    }

    public static String render(Problem problem) {
        StringBuilder out = new StringBuilder("tunegate: the gateway answered ").append(problem.status());
        if (problem.title() != null) {
            out.append(' ').append(problem.title());
        }
        if (problem.slug() != null) {
            out.append(" (").append(problem.slug()).append(')');
        }
        out.append('\n');
        if (problem.detail() != null) {
            out.append("  ").append(problem.detail()).append('\n');
        }
        if (!problem.errors().isEmpty()) {
            Table fields = Table.of("FIELD", "PROBLEM");
            problem.errors().forEach(error -> fields.row(error.field(), error.message()));
            fields.render().lines().forEach(line -> out.append("  ").append(line).append('\n'));
        }
        for (Map.Entry<String, Object> extension : problem.extensions().entrySet()) {
            out.append("  ").append(extension.getKey()).append(": ").append(extension.getValue()).append('\n');
        }
        return out.toString();
    }
}
