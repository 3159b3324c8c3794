package io.tunegate.provider.options;

import io.tunegate.platform.web.ApiException;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one provider's entry of a job's {@code provider_options} (a JSON object bound to a map), checking names,
 * types and ranges so a typo is a 400 naming the field ({@code provider_options.<provider>.<key>}) rather than a
 * surprise at the provider. Adapters use it both to validate at request time and to read the values when they
 * build the provider's request.
 */
public final class OptionReader {

    private final String prefix;
    private final Map<String, Object> options;

    public OptionReader(String prefix, Map<String, Object> options) {
        this.prefix = prefix;
        this.options = options == null ? Map.of() : options;
    }

    /** For the {@code provider_options.<provider>} object of a job. */
    public static OptionReader of(String provider, Map<String, Object> options) {
        return new OptionReader("provider_options." + provider, options);
    }

    /** Refuses keys outside {@code known}. */
    public OptionReader allowOnly(Set<String> known) {
        for (String key : options.keySet()) {
            if (!known.contains(key)) {
                throw invalid(key, "unknown option; known: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
        return this;
    }

    public Set<String> keys() {
        return options.keySet();
    }

    public boolean has(String key) {
        return options.get(key) != null;
    }

    /** The value as given (after a JSON read: String, Boolean, Number, List, Map), or null. */
    public Object raw(String key) {
        return options.get(key);
    }

    public String text(String key) {
        Object value = options.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw invalid(key, "must be a non-empty string");
        }
        return s;
    }

    /** A string among {@code allowed}, exactly as listed. */
    public String oneOf(String key, Set<String> allowed) {
        String value = text(key);
        if (value != null && !allowed.contains(value)) {
            throw invalid(key, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
        }
        return value;
    }

    /** A string among {@code allowed}, compared without case; returned as listed in {@code allowed}. */
    public String oneOfIgnoringCase(String key, String... allowed) {
        String value = text(key);
        if (value == null) {
            return null;
        }
        return Arrays.stream(allowed).filter(a -> a.equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> invalid(key, "must be one of " + String.join(", ", allowed)));
    }

    public Boolean bool(String key) {
        Object value = options.get(key);
        if (value != null && !(value instanceof Boolean)) {
            throw invalid(key, "must be true or false");
        }
        return (Boolean) value;
    }

    public Integer integer(String key, long min, long max) {
        Number n = number(key);
        if (n == null) {
            return null;
        }
        double d = n.doubleValue();
        if (d != Math.rint(d) || d < min || d > max) {
            throw invalid(key, "must be a whole number from " + min + " to " + max);
        }
        return (int) d;
    }

    public Double decimal(String key, double min, double max) {
        Number n = number(key);
        if (n == null) {
            return null;
        }
        double d = n.doubleValue();
        if (!(d >= min && d <= max)) {
            throw invalid(key, max == Double.MAX_VALUE ? "must be a number of at least " + plain(min)
                    : "must be a number from " + plain(min) + " to " + plain(max));
        }
        return d;
    }

    /** A list of strings; empty when absent. */
    public List<String> strings(String key) {
        Object value = options.get(key);
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            throw invalid(key, "must be a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    /** A nested object, read with the same checks under {@code <prefix>.<key>}. */
    @SuppressWarnings("unchecked")
    public OptionReader object(String key) {
        Object value = options.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map) || !map.keySet().stream().allMatch(String.class::isInstance)) {
            throw invalid(key, "must be an object");
        }
        return new OptionReader(field(key), (Map<String, Object>) map);
    }

    public ApiException invalid(String key, String message) {
        return ApiException.invalid(field(key), message);
    }

    private Number number(String key) {
        Object value = options.get(key);
        if (value != null && !(value instanceof Number n && Double.isFinite(n.doubleValue()))) {
            throw invalid(key, "must be a number");
        }
        return (Number) value;
    }

    private String field(String key) {
        return prefix + "." + key;
    }

    private static String plain(double d) {
        return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
    }
}
