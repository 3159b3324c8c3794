package io.tunegate.dataset.translation;

import io.tunegate.dataset.translation.Example.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.stream.Collectors;

/**
 * {@code bedrock-claude} (reference §3.5, from Anthropic's cookbook): {@code {"system"?, "messages"}}, at
 * least two messages, first user, last assistant, strictly alternating, string content, no other keys. After
 * the rules of {@link Turns}: leading system messages (and {@code developer} ones) are joined with a blank line
 * into the one {@code system} string; a system message later in the conversation is reported. No tools.
 */
final class ClaudeRenderer extends ChatRenderer {

    @Override
    JsonNode renderChat(Example.Chat chat) {
        Turns.Split split = Turns.leadingSystem(Turns.forWeightlessTarget(chat, false));
        Turns.requireAlternating(split.turns());
        ObjectNode root = Nodes.object();
        if (!split.system().isEmpty()) {
            root.put("system", split.system().stream().map(m -> Texts.single(m.content()))
                    .collect(Collectors.joining("\n\n")));
        }
        ArrayNode messages = root.putArray("messages");
        for (Message turn : split.turns()) {
            messages.addObject().put("role", turn.role()).put("content", Texts.single(turn.content()));
        }
        return root;
    }
}
