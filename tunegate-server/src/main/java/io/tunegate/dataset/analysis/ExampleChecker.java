package io.tunegate.dataset.analysis;

import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses and checks a batch of lines on a worker thread, one line at a time, and counts each example's
 * tokens. Every problem with the content becomes an issue in the result; nothing about the content throws.
 */
final class ExampleChecker {

    private static final Set<String> CHAT_KEYS = Set.of("messages", "tools", "functions", "parallel_tool_calls");
    private static final Set<String> PREFERENCE_KEYS = Set.of("input", "preferred_output", "non_preferred_output");
    private static final Set<String> PREFERENCE_INPUT_KEYS = CHAT_KEYS;
    private static final Set<String> PROMPT_COMPLETION_KEYS = Set.of("prompt", "completion");

    /** Cookbook: every example is primed with 3 more tokens. */
    private static final int TOKENS_PER_EXAMPLE = 3;

    // Thread-safe once built. The line limit already bounds string size, so Jackson's own cap (100M chars)
    // must not turn a long but valid line into invalid_json.
    static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private final TokenCounter counter;
    private final MessageChecker messages;
    private final int tokenLimit;

    ExampleChecker(TokenCounter counter, int tokenLimit) {
        this.counter = counter;
        this.messages = new MessageChecker(counter);
        this.tokenLimit = tokenLimit;
    }

    BatchResult check(List<LineItem> batch) {
        BatchResult result = new BatchResult(batch.size());
        for (LineItem item : batch) {
            try {
                check(item, result);
            } catch (RuntimeException bug) {
                // Content problems are all handled above; this is a safety net so one line cannot sink a file.
                result.error(IssueKinds.CHECK_FAILED, item.number());
            }
        }
        return result;
    }

    private void check(LineItem item, BatchResult out) {
        long line = item.number();
        if (item.rejection() != null) {
            out.examples++;
            out.error(item.rejection(), line);
            return;
        }
        byte[] bytes = item.bytes();
        int start = LineBytes.textStart(line, bytes);
        if (start == LineBytes.BLANK) {
            out.warning(IssueKinds.EMPTY_LINE, line);
            return;
        }
        out.examples++;
        if (start == LineBytes.BINARY || start == LineBytes.INVALID_UTF8) {
            out.error(start == LineBytes.BINARY ? IssueKinds.BINARY_CONTENT : IssueKinds.INVALID_UTF8, line);
            return;
        }
        JsonNode root = parse(bytes, start);
        if (root == null) {
            out.error(IssueKinds.INVALID_JSON, line);
            return;
        }
        if (!root.isObject()) {
            out.error(IssueKinds.NOT_AN_OBJECT, line);
            return;
        }
        ExampleFormat format = ExampleFormat.of(root);
        if (format == null) {
            // An object that looks like no format at all: most likely a chat line that lost its messages.
            out.error(IssueKinds.MISSING_MESSAGES, line);
            return;
        }
        out.format(format, line);
        int tokens = switch (format) {
            case CHAT -> checkChat(root, line, out);
            case PREFERENCE -> checkPreference(root, line, out);
            case PROMPT_COMPLETION -> checkPromptCompletion(root, line, out);
        };
        if (tokens >= 0) {
            out.tokens(tokens);
            if (tokens > tokenLimit) {
                out.warning(IssueKinds.OVER_TOKEN_LIMIT, line);
            }
        }
    }

    /**
     * Parses a line of valid UTF-8 straight from its bytes (no String of the whole line is made), with exactly
     * the verdicts of parsing it as text.
     *
     * @return the JSON value, or null when the line is not JSON
     */
    static JsonNode parse(byte[] bytes, int start) {
        // Jackson's byte parser skips a leading byte order mark; as text (U+FEFF) it is not JSON. Line 1's own
        // mark is already behind start.
        if (LineBytes.startsWithByteOrderMark(bytes, start)) {
            return null;
        }
        JsonNode root;
        try {
            root = JSON.readTree(bytes, start, bytes.length - start);
        } catch (JacksonException refused) {
            // The byte parser refuses a little the text parser takes (a lone surrogate escape in a property name):
            // the text parser has the last word. Only lines that are invalid anyway get here, so it costs nothing.
            try {
                root = JSON.readTree(new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8));
            } catch (JacksonException e) {
                return null;
            }
        }
        return root != null ? root : MissingNode.getInstance(); // no content: "not an object", never "invalid"
    }

    /** @return the example's tokens, or -1 when its structure is too broken to count */
    private int checkChat(JsonNode root, long line, BatchResult out) {
        unrecognizedKeys(root, CHAT_KEYS, line, out);
        JsonNode list = root.get("messages");
        if (!list.isArray() || list.isEmpty()) {
            out.error(IssueKinds.MISSING_MESSAGES, line);
            return -1;
        }
        Set<String> roles = new HashSet<>();
        int tokens = TOKENS_PER_EXAMPLE + checkMessages(list, line, out, roles);
        if (!roles.contains("assistant")) {
            out.error(IssueKinds.NO_ASSISTANT_MESSAGE, line);
        }
        promptWarnings(roles, line, out);
        return tokens;
    }

    /** OpenAI's DPO format; tokens count the input and the preferred output, as training sees them. */
    private int checkPreference(JsonNode root, long line, BatchResult out) {
        unrecognizedKeys(root, PREFERENCE_KEYS, line, out);
        JsonNode input = root.get("input");
        JsonNode list = input != null && input.isObject() ? input.get("messages") : null;
        JsonNode preferred = root.get("preferred_output");
        JsonNode nonPreferred = root.get("non_preferred_output");
        if (list == null || !list.isArray() || list.isEmpty()
                || !isAssistantOutput(preferred) || !isAssistantOutput(nonPreferred)) {
            out.error(IssueKinds.INVALID_PREFERENCE, line);
            return -1;
        }
        unrecognizedKeys(input, PREFERENCE_INPUT_KEYS, line, out);
        Set<String> roles = new HashSet<>();
        int tokens = TOKENS_PER_EXAMPLE + checkMessages(list, line, out, roles);
        tokens += checkMessages(preferred, line, out, new HashSet<>());
        checkMessages(nonPreferred, line, out, new HashSet<>());
        promptWarnings(roles, line, out);
        return tokens;
    }

    private int checkPromptCompletion(JsonNode root, long line, BatchResult out) {
        unrecognizedKeys(root, PROMPT_COMPLETION_KEYS, line, out);
        JsonNode prompt = root.get("prompt");
        JsonNode completion = root.get("completion");
        if (prompt == null || !prompt.isString() || completion == null || !completion.isString()
                || completion.stringValue().isEmpty()) {
            out.error(IssueKinds.MISSING_PROMPT_OR_COMPLETION, line);
            return -1;
        }
        return counter.count(prompt.stringValue()) + counter.count(completion.stringValue());
    }

    private int checkMessages(JsonNode list, long line, BatchResult out, Set<String> roles) {
        int tokens = 0;
        for (JsonNode message : list) {
            tokens += messages.check(message, line, out, roles);
        }
        return tokens;
    }

    private static boolean isAssistantOutput(JsonNode output) {
        if (output == null || !output.isArray() || output.isEmpty()) {
            return false;
        }
        for (JsonNode message : output) {
            JsonNode role = message.get("role");
            if (!message.isObject() || role == null || !role.isString() || !"assistant".equals(role.stringValue())) {
                return false;
            }
        }
        return true;
    }

    private static void promptWarnings(Set<String> roles, long line, BatchResult out) {
        if (!roles.contains("system") && !roles.contains("developer")) {
            out.warning(IssueKinds.NO_SYSTEM_MESSAGE, line);
        }
        if (!roles.contains("user")) {
            out.warning(IssueKinds.NO_USER_MESSAGE, line);
        }
    }

    private static void unrecognizedKeys(JsonNode object, Set<String> allowed, long line, BatchResult out) {
        for (String key : object.propertyNames()) {
            if (!allowed.contains(key)) {
                out.error(IssueKinds.UNRECOGNIZED_KEY, line);
                return;
            }
        }
    }
}
