package io.tunegate.provider.options;

import io.tunegate.platform.web.ApiException;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Typed reads of one provider's entry of a job's {@code provider_options}, refusing unknown keys and wrong
 * types or ranges with a 400 that names the field ({@code provider_options.<provider>.<key>}). Adapters use it
 * both to validate at request time and to read the values when they build the provider's request.
 */
public final class OptionChecks {

    private final String provider;
    private final Map<String, Object> options;

    public OptionChecks(String provider, Map<String, Object> options) {
        this.provider = provider;
        this.options = options == null ? Map.of() : options;
    }

    public OptionChecks allowOnly(Set<String> keys) {
        for (String key : options.keySet()) {
            if (!keys.contains(key)) {
                throw invalid(key, "unknown " + provider + " option; known: " + String.join(", ", new TreeSet<>(keys)));
            }
        }
        return this;
    }

    public boolean has(String key) {
        return options.get(key) != null;
    }

    /** The value as given (after a JSON read: String, Boolean, Number, List, Map), or null. */
    public Object raw(String key) {
        return options.get(key);
    }

    public String string(String key) {
        Object value = options.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text) || text.isBlank()) {
            throw invalid(key, "must be a non-empty string");
        }
        return text;
    }

    /** A string among {@code allowed}, compared without case; returned as listed in {@code allowed}. */
    public String oneOf(String key, String... allowed) {
        String value = string(key);
        if (value == null) {
            return null;
        }
        return Arrays.stream(allowed).filter(a -> a.equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> invalid(key, "must be one of " + String.join(", ", allowed)));
    }

    public Boolean bool(String key) {
        Object value = options.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Boolean b)) {
            throw invalid(key, "must be true or false");
        }
        return b;
    }

    public Integer integer(String key, long min, long max) {
        Object value = options.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw invalid(key, "must be a whole number");
        }
        if (n.doubleValue() < min || n.doubleValue() > max) {
            throw invalid(key, "must be between " + min + " and " + max);
        }
        return n.intValue();
    }

    public Double number(String key, double min, double max) {
        Object value = options.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw invalid(key, "must be a number");
        }
        if (n.doubleValue() < min || n.doubleValue() > max) {
            throw invalid(key, "must be between " + plain(min) + " and " + plain(max));
        }
        return n.doubleValue();
    }

    public ApiException invalid(String key, String message) {
        return ApiException.invalid("provider_options." + provider + "." + key, message);
    }

    private static String plain(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
