package io.tunegate.dataset.translation;

import io.tunegate.dataset.translation.Example.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code bedrock-nova-converse} (reference §3.5): {@code {"schemaVersion":"bedrock-conversation-2024",
 * "system":[{"text"}], "messages":[{"role","content":[{"text"}]}]}}. Each text part becomes a content block
 * and each leading system message a system block; {@code system} is left out when there is none (whether
 * Nova requires it is not verified). The turn rules are the Converse API's (first user, alternating), as for
 * Claude; that Nova's training validator enforces them is not verified. No tools.
 */
final class NovaConverseRenderer extends ChatRenderer {

    static final String SCHEMA_VERSION = "bedrock-conversation-2024";

    @Override
    JsonNode renderChat(Example.Chat chat) {
        Turns.Split split = Turns.leadingSystem(Turns.forWeightlessTarget(chat, false));
        Turns.requireAlternating(split.turns());
        ObjectNode root = Nodes.object();
        root.put("schemaVersion", SCHEMA_VERSION);
        if (!split.system().isEmpty()) {
            ArrayNode system = root.putArray("system");
            for (Message message : split.system()) {
                Texts.parts(message.content()).forEach(text -> system.addObject().put("text", text));
            }
        }
        ArrayNode messages = root.putArray("messages");
        for (Message turn : split.turns()) {
            ObjectNode out = messages.addObject().put("role", turn.role());
            ArrayNode content = out.putArray("content");
            Texts.parts(turn.content()).forEach(text -> content.addObject().put("text", text));
        }
        return root;
    }
}
