package io.tunegate.dataset.translation;

import io.tunegate.dataset.translation.Example.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code vertex-gemini} (reference §4.5): {@code {"systemInstruction":{"role":"system","parts":[{"text"}]},
 * "contents":[{"role":"user"|"model","parts":[{"text"}]}]}}. Assistant turns are {@code model}; each text part
 * becomes a part; leading system messages become {@code systemInstruction} parts (left out when there is
 * none), a later one is reported. There is no tool role, so tool use is reported. Turn order is written as
 * given: Vertex's rules on alternation and the first turn are not documented in the reference.
 */
final class GeminiRenderer extends ChatRenderer {

    @Override
    JsonNode renderChat(Example.Chat chat) {
        Turns.Split split = Turns.leadingSystem(Turns.forWeightlessTarget(chat, false));
        ObjectNode root = Nodes.object();
        if (!split.system().isEmpty()) {
            ObjectNode instruction = root.putObject("systemInstruction").put("role", "system");
            ArrayNode parts = instruction.putArray("parts");
            for (Message message : split.system()) {
                Texts.parts(message.content()).forEach(text -> parts.addObject().put("text", text));
            }
        }
        ArrayNode contents = root.putArray("contents");
        for (Message turn : split.turns()) {
            ObjectNode content = contents.addObject().put("role", turn.isAssistant() ? "model" : "user");
            ArrayNode parts = content.putArray("parts");
            Texts.parts(turn.content()).forEach(text -> parts.addObject().put("text", text));
        }
        return root;
    }
}
