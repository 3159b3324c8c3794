package io.tunegate.dataset.translation;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/** Message content as text: a string is one part; an array may hold only {@code {"type":"text"}} parts. */
final class Texts {

    private Texts() {
    }

    /** Every text part in order; no content (a tool-call-only turn) has none. */
    static List<String> parts(JsonNode content) {
        if (content == null) {
            return List.of();
        }
        if (content.isString()) {
            return List.of(content.stringValue());
        }
        List<String> texts = new ArrayList<>(content.size());
        for (JsonNode part : content) {
            JsonNode type = part.get("type");
            if (!part.isObject() || type == null || !type.isString()) {
                throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
            }
            if (!"text".equals(type.stringValue())) {
                throw new Skip(SkipReasons.NON_TEXT_CONTENT);
            }
            JsonNode text = part.get("text");
            if (text == null || !text.isString()) {
                throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
            }
            texts.add(text.stringValue());
        }
        return texts;
    }

    /**
     * The one string of a target that takes a string per message. Several text parts are not joined: how
     * OpenAI joins them (if with a separator) is not documented, so such a line is reported instead.
     */
    static String single(JsonNode content) {
        List<String> parts = parts(content);
        if (parts.isEmpty()) {
            throw new Skip(SkipReasons.EMPTY_CONTENT);
        }
        if (parts.size() > 1) {
            throw new Skip(SkipReasons.MULTIPLE_CONTENT_PARTS);
        }
        return parts.getFirst();
    }
}
