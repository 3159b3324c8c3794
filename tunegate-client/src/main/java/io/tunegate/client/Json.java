package io.tunegate.client;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The wire format: snake_case, RFC 3339 instants, decimals kept exact, unknown fields ignored. */
final class Json {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // a newer gateway may add fields and statuses: an older client must keep working
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_USING_DEFAULT_VALUE)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            // money in free-form members (problem extensions, event data) stays exact
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private Json() {
    }

    static <T> T read(String body, Class<T> type) {
        return read(body, MAPPER.constructType(type));
    }

    static <T> T read(String body, JavaType type) {
        try {
            return MAPPER.readValue(body, type);
        } catch (JacksonException e) {
            throw new TunegateException("The gateway's answer is not the JSON expected (" + type.getRawClass()
                    .getSimpleName() + "): " + e.getOriginalMessage(), e);
        }
    }

    static JavaType page(Class<?> item) {
        return MAPPER.getTypeFactory().constructParametricType(io.tunegate.client.model.Page.class, item);
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    /**
     * A problem body. Anything that is not a JSON object (a proxy's HTML page) becomes a problem with the status
     * and the start of the text as its detail.
     */
    static Problem problem(int status, String body) {
        JsonNode root = null;
        try {
            root = body == null || body.isBlank() ? null : MAPPER.readTree(body);
        } catch (JacksonException e) {
            // not JSON: described below
        }
        if (root == null || !root.isObject()) {
            String text = body == null ? "" : body.strip();
            String detail = text.isEmpty() ? null : text.length() > 500 ? text.substring(0, 500) + "..." : text;
            return new Problem(null, "HTTP " + status, status, detail, null, List.of(), Map.of());
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Object> extensions = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> member : root.properties()) {
            switch (member.getKey()) {
                case "type", "title", "status", "detail", "instance" -> { }
                case "errors" -> {
                    if (member.getValue().isArray()) {
                        for (JsonNode error : member.getValue()) {
                            errors.add(new Problem.FieldError(text(error.get("field")), text(error.get("message"))));
                        }
                    } else {
                        extensions.put("errors", MAPPER.convertValue(member.getValue(), Object.class));
                    }
                }
                default -> extensions.put(member.getKey(), MAPPER.convertValue(member.getValue(), Object.class));
            }
        }
        int declared = root.path("status").asInt(status);
        return new Problem(text(root.get("type")), text(root.get("title")), declared == 0 ? status : declared,
                text(root.get("detail")), text(root.get("instance")), errors, extensions);
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? null : node.asString();
    }
}
