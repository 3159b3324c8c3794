package io.tunegate.platform.web;

import java.util.Map;
import java.util.regex.Pattern;

/** Checks shared by every input: PostgreSQL refuses NUL in text and jsonb, and controls have no business in ids. */
public final class Inputs {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private Inputs() {
    }

    public static boolean hasControlCharacters(String value) {
        return value != null && CONTROL.matcher(value).find();
    }

    /** Refuses a query or path value with control characters (a 400, not a database error). */
    public static String clean(String field, String value) {
        if (hasControlCharacters(value)) {
            throw ApiException.invalid(field, "must not contain control characters");
        }
        return value;
    }

    /** Whether any string inside a JSON-like value (maps, lists, strings) has control characters. */
    public static boolean anyControlCharacters(Object value) {
        return switch (value) {
            case null -> false;
            case String s -> hasControlCharacters(s);
            case Map<?, ?> map -> map.entrySet().stream().anyMatch(e ->
                    anyControlCharacters(e.getKey()) || anyControlCharacters(e.getValue()));
            case Iterable<?> items -> {
                for (Object item : items) {
                    if (anyControlCharacters(item)) {
                        yield true;
                    }
                }
                yield false;
            }
            default -> false;
        };
    }
}
