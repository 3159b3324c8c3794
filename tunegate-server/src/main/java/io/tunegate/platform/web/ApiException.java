package io.tunegate.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An expected refusal that becomes a problem+json answer; never logged as an error. */
public class ApiException extends RuntimeException {

    private final ProblemType type;
    private final List<FieldViolation> violations;
    private final Map<String, Object> properties = new LinkedHashMap<>();
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ApiException(ProblemType type, String detail) {
        this(type, detail, List.of());
    }

    public ApiException(ProblemType type, String detail, List<FieldViolation> violations) {
        super(detail, null, false, false);
        this.type = type;
        this.violations = List.copyOf(violations);
    }

    public static ApiException notFound(String what) {
        return new ApiException(ProblemType.NOT_FOUND, what + " not found");
    }

    public static ApiException invalid(List<FieldViolation> violations) {
        return new ApiException(ProblemType.INVALID_REQUEST, describe(violations), violations);
    }

    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldViolation(field, message)));
    }

    private static String describe(List<FieldViolation> violations) {
        if (violations.size() == 1) {
            return violations.getFirst().field() + ": " + violations.getFirst().message();
        }
        return violations.size() + " fields are invalid";
    }

    /** Adds a member to the problem (RFC 9457 extension), e.g. the numbers a refusal was based on. */
    public ApiException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    /** Adds a response header, e.g. {@code Retry-After}. */
    public ApiException header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    public ProblemType type() {
        return type;
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
