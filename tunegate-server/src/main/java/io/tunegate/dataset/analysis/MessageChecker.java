package io.tunegate.dataset.analysis;

import tools.jackson.databind.JsonNode;

import java.util.Set;

/**
 * Checks one chat message and counts its tokens, following OpenAI's cookbook "Data preparation and analysis
 * for chat model fine-tuning": 3 tokens per message, plus the tokens of its string values, plus 1 for a name.
 * Thread-safe: it keeps no state.
 */
final class MessageChecker {

    static final Set<String> MESSAGE_KEYS = Set.of(
            "role", "content", "name", "weight", "function_call", "tool_calls", "tool_call_id", "refusal");
    static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool", "function", "developer");

    private static final int TOKENS_PER_MESSAGE = 3;
    private static final int TOKENS_PER_NAME = 1;

    private final TokenCounter counter;

    MessageChecker(TokenCounter counter) {
        this.counter = counter;
    }

    /**
     * Records the message's issues against {@code line} and its role in {@code roles}.
     *
     * @return the message's tokens
     */
    int check(JsonNode message, long line, BatchResult out, Set<String> roles) {
        if (!message.isObject()) {
            out.error(IssueKinds.MESSAGE_MISSING_KEY, line);
            return 0;
        }
        for (String key : message.propertyNames()) {
            if (!MESSAGE_KEYS.contains(key)) {
                out.error(IssueKinds.UNRECOGNIZED_KEY, line);
            }
        }
        JsonNode role = message.get("role");
        String roleName = role != null && role.isString() ? role.stringValue() : null;
        if (role == null || role.isNull()) {
            out.error(IssueKinds.MESSAGE_MISSING_KEY, line);
        } else if (roleName == null || !ROLES.contains(roleName)) {
            out.error(IssueKinds.UNRECOGNIZED_ROLE, line);
        } else {
            out.role(roleName);
        }
        if (roleName != null) {
            roles.add(roleName);
        }
        checkContent(message, roleName, line, out);
        return tokens(message);
    }

    private void checkContent(JsonNode message, String roleName, long line, BatchResult out) {
        JsonNode content = message.get("content");
        // An assistant turn that only calls a tool or function has nothing to say: OpenAI accepts no content.
        boolean optional = "assistant".equals(roleName) && makesCall(message);
        boolean empty = content == null || content.isNull() || content.isString() && content.stringValue().isEmpty();
        if (content == null) {
            if (!optional) {
                out.error(IssueKinds.MESSAGE_MISSING_KEY, line);
            }
        } else if (empty ? !optional : !isUsableContent(content)) {
            out.error(IssueKinds.MISSING_CONTENT, line);
        }
    }

    private static boolean makesCall(JsonNode message) {
        JsonNode toolCalls = message.get("tool_calls");
        JsonNode functionCall = message.get("function_call");
        return toolCalls != null && toolCalls.isArray() && !toolCalls.isEmpty()
                || functionCall != null && functionCall.isObject();
    }

    /** A non-empty string, or a non-empty array of typed parts whose text parts carry text. */
    private static boolean isUsableContent(JsonNode content) {
        if (content.isString()) {
            return !content.stringValue().isEmpty();
        }
        if (!content.isArray() || content.isEmpty()) {
            return false;
        }
        for (JsonNode part : content) {
            JsonNode type = part.get("type");
            if (!part.isObject() || type == null || !type.isString()) {
                return false;
            }
            if ("text".equals(type.stringValue()) && !isString(part.get("text"))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The cookbook counts every string value of the message (role, content, name); content parts count their
     * text. Tool and function calls are counted too (name and arguments), since the model is trained on them.
     */
    private int tokens(JsonNode message) {
        int tokens = TOKENS_PER_MESSAGE + stringTokens(message.get("role"));
        JsonNode content = message.get("content");
        if (content != null && content.isArray()) {
            for (JsonNode part : content) {
                if (part.isObject() && "text".equals(stringOrNull(part.get("type")))) {
                    tokens += stringTokens(part.get("text"));
                }
            }
        } else {
            tokens += stringTokens(content);
        }
        if (message.has("name")) {
            tokens += TOKENS_PER_NAME + stringTokens(message.get("name"));
        }
        tokens += stringTokens(message.get("tool_call_id")) + stringTokens(message.get("refusal"));
        tokens += callTokens(message.get("function_call"));
        JsonNode toolCalls = message.get("tool_calls");
        if (toolCalls != null && toolCalls.isArray()) {
            for (JsonNode call : toolCalls) {
                tokens += callTokens(call.get("function"));
            }
        }
        return tokens;
    }

    private int callTokens(JsonNode function) {
        if (function == null || !function.isObject()) {
            return 0;
        }
        return stringTokens(function.get("name")) + stringTokens(function.get("arguments"));
    }

    private int stringTokens(JsonNode value) {
        return isString(value) ? counter.count(value.stringValue()) : 0;
    }

    private static boolean isString(JsonNode value) {
        return value != null && value.isString();
    }

    private static String stringOrNull(JsonNode value) {
        return isString(value) ? value.stringValue() : null;
    }
}
