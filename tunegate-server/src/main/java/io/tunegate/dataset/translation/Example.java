package io.tunegate.dataset.translation;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;

/** One canonical example, parsed just enough to be rewritten; {@code node} is the line as it was read. */
sealed interface Example {

    ObjectNode node();

    /** An OpenAI chat example (also the {@code input} of a preference example). */
    record Chat(List<Message> messages, ObjectNode node) implements Example {

        /** Non-empty tool definitions, or any tool call or result. An empty {@code tools: []} declares nothing. */
        boolean usesTools() {
            return isNonEmptyArray(node.get("tools")) || messages.stream().anyMatch(Message::usesTools);
        }

        boolean usesFunctions() {
            return isNonEmptyArray(node.get("functions")) || messages.stream().anyMatch(Message::usesFunctions);
        }
    }

    /** OpenAI DPO; the outputs are assistant messages. */
    record Preference(Chat input, List<Message> preferred, List<Message> nonPreferred, ObjectNode node)
            implements Example {
    }

    record PromptCompletion(String prompt, String completion, ObjectNode node) implements Example {
    }

    /**
     * @param role    as given; {@link #role()} of a {@code developer} message is still "developer"
     * @param content a string, an array of parts, or null (an assistant turn that only calls tools)
     * @param trained false only for an explicit {@code weight: 0}
     */
    record Message(String role, JsonNode content, boolean trained, ObjectNode node) {

        boolean isAssistant() {
            return "assistant".equals(role);
        }

        boolean isUser() {
            return "user".equals(role);
        }

        /** OpenAI's {@code developer} is the newer name of {@code system}; no other provider has it. */
        boolean isSystem() {
            return "system".equals(role) || "developer".equals(role);
        }

        boolean usesTools() {
            return "tool".equals(role) || node.has("tool_call_id") || isNonEmptyArray(node.get("tool_calls"));
        }

        boolean usesFunctions() {
            JsonNode call = node.get("function_call");
            return "function".equals(role) || call != null && !call.isNull();
        }

        /** Fields only OpenAI has a place for: a participant name, an assistant refusal. */
        boolean hasOpenAiOnlyFields() {
            JsonNode refusal = node.get("refusal");
            return node.has("name") || refusal != null && !refusal.isNull();
        }
    }

    private static boolean isNonEmptyArray(JsonNode node) {
        return node != null && node.isArray() && !node.isEmpty();
    }
}
