package io.tunegate.provider.http;

import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Reading provider JSON defensively: a missing, null or mistyped value is null, never an exception (an answer we
 * cannot read in part must not fail the whole poll). The {@code (node, field)} forms accept a null node.
 */
public final class JsonFields {

    private JsonFields() {
    }

    /**
     * A scalar as text (numbers and booleans too: providers are not consistent about ids and codes); null when
     * missing, null, blank or an object/array.
     */
    public static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode() || node.isContainer()) {
            return null;
        }
        String value = node.asString();
        return value == null || value.isBlank() ? null : value;
    }

    public static String text(JsonNode node, String field) {
        return text(field(node, field));
    }

    /** The first of {@code nodes} that has text. */
    public static String firstText(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            String value = text(node);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** A finite number, or a string holding one. */
    public static Double number(JsonNode node) {
        Double value = null;
        if (node != null && node.isNumber()) {
            value = node.asDouble();
        } else if (node != null && node.isString()) {
            try {
                value = Double.parseDouble(node.asString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return value != null && Double.isFinite(value) ? value : null;
    }

    public static Double number(JsonNode node, String field) {
        return number(field(node, field));
    }

    /**
     * A whole number: an integer, a fractional number cut to its whole part, or a string of digits (int64 fields
     * are strings in Google's JSON mapping).
     */
    public static Long whole(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber()) {
            return node.asLong();
        }
        if (node.isNumber()) {
            return (long) node.asDouble();
        }
        if (node.isString()) {
            try {
                return Long.parseLong(node.asString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    public static Long whole(JsonNode node, String field) {
        return whole(field(node, field));
    }

    /** Unix seconds, as OpenAI and Mistral send timestamps. */
    public static Instant seconds(JsonNode node, String field) {
        Long value = whole(node, field);
        return value == null ? null : Instant.ofEpochSecond(value);
    }

    /** An ISO-8601 time; one without an offset is read as UTC (Together sends both). */
    public static Instant instant(String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    /** The first readable ISO-8601 time among {@code nodes}. */
    public static Instant instant(JsonNode... nodes) {
        for (JsonNode node : nodes) {
            Instant value = instant(text(node));
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static JsonNode field(JsonNode node, String field) {
        return node == null ? null : node.get(field);
    }
}
