package io.tunegate.dataset.translation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads one canonical example the way the dataset analyzer accepts it (same keys and roles), checking only
 * what translation relies on. The preference outputs may also be spelled {@code preferred_completion} /
 * {@code non_preferred_completion}, as an older revision of OpenAI's spec named them.
 */
final class ExampleParser {

    private static final Set<String> CHAT_KEYS = Set.of("messages", "tools", "functions", "parallel_tool_calls");
    private static final Set<String> PREFERENCE_KEYS = Set.of("input", "preferred_output", "non_preferred_output",
            "preferred_completion", "non_preferred_completion");
    private static final Set<String> PROMPT_COMPLETION_KEYS = Set.of("prompt", "completion");
    private static final Set<String> MESSAGE_KEYS = Set.of(
            "role", "content", "name", "weight", "function_call", "tool_calls", "tool_call_id", "refusal");
    private static final Set<String> ROLES = Set.of("system", "developer", "user", "assistant", "tool", "function");

    private ExampleParser() {
    }

    static Example parse(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw new Skip(SkipReasons.INVALID_JSON);
        }
        ObjectNode object = (ObjectNode) root;
        if (object.has("messages")) {
            return chat(object);
        }
        if (PREFERENCE_KEYS.stream().anyMatch(object::has)) {
            return preference(object);
        }
        if (object.has("prompt") || object.has("completion")) {
            return promptCompletion(object);
        }
        throw new Skip(SkipReasons.UNKNOWN_FORMAT);
    }

    private static Example.Chat chat(ObjectNode object) {
        onlyKeys(object, CHAT_KEYS);
        JsonNode list = object.get("messages");
        if (list == null || !list.isArray() || list.isEmpty()) {
            throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
        }
        return new Example.Chat(messages(list), object);
    }

    private static Example.Preference preference(ObjectNode object) {
        onlyKeys(object, PREFERENCE_KEYS);
        JsonNode input = object.get("input");
        if (input == null || !input.isObject()) {
            throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
        }
        return new Example.Preference(chat((ObjectNode) input),
                outputs(object, "preferred_output", "preferred_completion"),
                outputs(object, "non_preferred_output", "non_preferred_completion"), object);
    }

    /** Exactly one of the two spellings, a non-empty array of assistant messages. */
    private static List<Example.Message> outputs(ObjectNode object, String name, String olderName) {
        if (object.has(name) == object.has(olderName)) {
            throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
        }
        JsonNode list = object.has(name) ? object.get(name) : object.get(olderName);
        if (!list.isArray() || list.isEmpty()) {
            throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
        }
        List<Example.Message> messages = messages(list);
        if (!messages.stream().allMatch(Example.Message::isAssistant)) {
            throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
        }
        return messages;
    }

    private static Example.PromptCompletion promptCompletion(ObjectNode object) {
        onlyKeys(object, PROMPT_COMPLETION_KEYS);
        JsonNode prompt = object.get("prompt");
        JsonNode completion = object.get("completion");
        if (prompt == null || !prompt.isString() || completion == null || !completion.isString()) {
            throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
        }
        return new Example.PromptCompletion(prompt.stringValue(), completion.stringValue(), object);
    }

    private static List<Example.Message> messages(JsonNode list) {
        List<Example.Message> messages = new ArrayList<>(list.size());
        for (JsonNode message : list) {
            messages.add(message(message));
        }
        return List.copyOf(messages);
    }

    private static Example.Message message(JsonNode node) {
        if (!node.isObject()) {
            throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
        }
        ObjectNode object = (ObjectNode) node;
        onlyKeys(object, MESSAGE_KEYS);
        JsonNode role = object.get("role");
        if (role == null || !role.isString() || !ROLES.contains(role.stringValue())) {
            throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
        }
        JsonNode content = object.get("content");
        if (content != null && !content.isNull() && !content.isString() && !content.isArray()) {
            throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
        }
        Example.Message message = new Example.Message(role.stringValue(),
                content == null || content.isNull() ? null : content, trained(object.get("weight")), object);
        // Only a turn that calls a tool or function may say nothing.
        if (message.content() == null && !(message.isAssistant() && (message.usesTools() || message.usesFunctions()))) {
            throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
        }
        return message;
    }

    /** OpenAI's weight is 0 (not trained on) or 1. */
    private static boolean trained(JsonNode weight) {
        if (weight == null) {
            return true;
        }
        if (weight.isNumber() && weight.doubleValue() == 0) {
            return false;
        }
        if (weight.isNumber() && weight.doubleValue() == 1) {
            return true;
        }
        throw new Skip(SkipReasons.MALFORMED_EXAMPLE);
    }

    private static void onlyKeys(ObjectNode object, Set<String> allowed) {
        for (String key : object.propertyNames()) {
            if (!allowed.contains(key)) {
                throw new Skip(SkipReasons.UNRECOGNIZED_KEY);
            }
        }
    }
}
