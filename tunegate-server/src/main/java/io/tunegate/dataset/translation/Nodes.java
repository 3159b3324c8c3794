package io.tunegate.dataset.translation;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** Building output lines; objects keep insertion order, so each target writes its keys in a fixed order. */
final class Nodes {

    private static final JsonNodeFactory FACTORY = JsonNodeFactory.instance;

    private Nodes() {
    }

    static ObjectNode object() {
        return FACTORY.objectNode();
    }

    /**
     * A prompt/completion row as a chat for chat targets: one user turn, one assistant turn. An empty prompt or
     * completion would be an empty turn, which chat formats refuse.
     */
    static Example.Chat asChat(Example.PromptCompletion row) {
        if (row.prompt().isEmpty() || row.completion().isEmpty()) {
            throw new Skip(SkipReasons.EMPTY_CONTENT);
        }
        ObjectNode chat = object();
        var messages = chat.putArray("messages");
        messages.addObject().put("role", "user").put("content", row.prompt());
        messages.addObject().put("role", "assistant").put("content", row.completion());
        return (Example.Chat) ExampleParser.parse(chat);
    }
}
