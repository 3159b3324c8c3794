package io.tunegate.client;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 9457 problem as the gateway answers errors ({@code application/problem+json}).
 *
 * @param type       a stable URI, {@code https://tunegate.dev/problems/<slug>}
 * @param errors     the wrong input fields, named as on the wire ({@code hyperparameters.n_epochs})
 * @param extensions every other member, e.g. {@code estimated_cost_usd} of a budget refusal
 */
public record Problem(String type, String title, int status, String detail, String instance,
                      List<FieldError> errors, Map<String, Object> extensions) {

    private static final String TYPE_BASE = "https://tunegate.dev/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
        extensions = extensions == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
    }

    /** The last part of {@code type} ({@code not-found}); the whole type when it is not one of Tunegate's. */
    public String slug() {
        if (type == null) {
            return null;
        }
        return type.startsWith(TYPE_BASE) ? type.substring(TYPE_BASE.length()) : type;
    }

    /** An extension member as a decimal, if it is a number (or a numeric string). */
    public Optional<BigDecimal> decimal(String name) {
        Object value = extensions.get(name);
        if (value instanceof BigDecimal decimal) {
            return Optional.of(decimal);
        }
        if (value instanceof Number || value instanceof String) {
            try {
                return Optional.of(new BigDecimal(value.toString()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** One wrong input field. */
    public record FieldError(String field, String message) {
    }
}
