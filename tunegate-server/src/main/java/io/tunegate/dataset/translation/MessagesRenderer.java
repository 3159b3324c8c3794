package io.tunegate.dataset.translation;

import io.tunegate.dataset.translation.Example.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * The OpenAI-like {@code {"messages":[{"role","content"}]}} of Together, Fireworks and Mistral, after the
 * weightless-target rules of {@link Turns}. {@code developer} becomes {@code system}; system messages stay
 * where they are (none of the three is documented to require them first); {@code weight} is not written.
 * <ul>
 *   <li>Together (reference §5.6): roles system/user/assistant; content a string or OpenAI parts of type
 *       {@code text} and {@code image_url}, written as given. No tools.</li>
 *   <li>Fireworks (§6.6): roles system/user/assistant, string content (one text part becomes its string). No
 *       tools.</li>
 *   <li>Mistral (§7.6): string content; the function-calling variant keeps {@code tools}, assistant
 *       {@code tool_calls} and {@code tool} messages with {@code tool_call_id} as OpenAI writes them.
 *       {@code parallel_tool_calls}, an inference-time switch, is not written. Mistral's own rules for
 *       tool-call ids are not verified.</li>
 * </ul>
 */
final class MessagesRenderer extends ChatRenderer {

    enum Flavor {
        TOGETHER(false, true), FIREWORKS(false, false), MISTRAL(true, false);

        final boolean tools;
        final boolean contentParts;

        Flavor(boolean tools, boolean contentParts) {
            this.tools = tools;
            this.contentParts = contentParts;
        }
    }

    private final Flavor flavor;

    MessagesRenderer(Flavor flavor) {
        this.flavor = flavor;
    }

    @Override
    JsonNode renderChat(Example.Chat chat) {
        List<Message> messages = Turns.forWeightlessTarget(chat, flavor.tools);
        ObjectNode root = Nodes.object();
        ArrayNode out = root.putArray("messages");
        for (Message message : messages) {
            out.add(message(message, flavor));
        }
        JsonNode tools = chat.node().get("tools");
        if (flavor.tools && tools != null && tools.isArray() && !tools.isEmpty()) {
            root.set("tools", tools);
        }
        return root;
    }

    /** Also used for Together's preference rows. */
    static ObjectNode message(Message message, Flavor flavor) {
        ObjectNode out = Nodes.object();
        out.put("role", message.isSystem() ? "system" : message.role());
        if (message.content() != null) {
            out.set("content", flavor.contentParts ? checkedParts(message.content())
                    : out.stringNode(Texts.single(message.content())));
        } else if (message.node().has("content")) {
            out.putNull("content");
        }
        if (flavor.tools) {
            copy(message.node(), out, "tool_calls");
            copy(message.node(), out, "tool_call_id");
        }
        return out;
    }

    /** Together takes OpenAI's text and image_url parts; anything else (audio, files) it does not. */
    private static JsonNode checkedParts(JsonNode content) {
        if (content.isArray()) {
            for (JsonNode part : content) {
                JsonNode type = part.get("type");
                if (!part.isObject() || type == null || !type.isString()) {
                    throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
                }
                if (!"text".equals(type.stringValue()) && !"image_url".equals(type.stringValue())) {
                    throw new Skip(SkipReasons.NON_TEXT_CONTENT);
                }
            }
        }
        return content;
    }

    private static void copy(ObjectNode from, ObjectNode to, String key) {
        if (from.has(key)) {
            to.set(key, from.get(key));
        }
    }
}
