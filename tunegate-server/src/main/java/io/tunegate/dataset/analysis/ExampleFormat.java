package io.tunegate.dataset.analysis;

import tools.jackson.databind.JsonNode;

/** The training-file formats a line can be in, told apart by their top-level keys. */
enum ExampleFormat {
    CHAT("chat"),
    PREFERENCE("preference"),
    PROMPT_COMPLETION("prompt_completion");

    private final String wireName;

    ExampleFormat(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    /** The format a JSON object claims to be in, or null when no key gives it away. */
    static ExampleFormat of(JsonNode object) {
        if (object.has("messages")) {
            return CHAT;
        }
        if (object.has("input") || object.has("preferred_output") || object.has("non_preferred_output")) {
            return PREFERENCE;
        }
        if (object.has("prompt") || object.has("completion")) {
            return PROMPT_COMPLETION;
        }
        return null;
    }
}
