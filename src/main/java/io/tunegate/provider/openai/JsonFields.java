package io.tunegate.provider.openai;

import tools.jackson.databind.JsonNode;

import java.time.Instant;

/** Reading provider JSON defensively: a missing or mistyped field is null, never an exception. */
final class JsonFields {

    private JsonFields() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString() : null;
    }

    static Double number(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isNumber() && Double.isFinite(value.asDouble()) ? value.asDouble() : null;
    }

    static Long whole(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isIntegralNumber() ? value.asLong() : null;
    }

    /** Unix seconds, as both APIs send timestamps. */
    static Instant seconds(JsonNode node, String field) {
        Long value = whole(node, field);
        return value == null ? null : Instant.ofEpochSecond(value);
    }
}
