package io.tunegate.dataset.translation;

/**
 * Why a line was not written, as the keys of {@link TranslationReport#skippedByReason()}. Stable: callers
 * (adapters, users reading a report) may decide on them.
 */
public final class SkipReasons {

    // The line is not a usable canonical example, whatever the target.
    /** Not one JSON object (or not UTF-8). */
    public static final String INVALID_JSON = "invalid_json";
    /** Over the line limit; its bytes were skipped unread. */
    public static final String LINE_TOO_LONG = "line_too_long";
    /** A JSON object in none of the canonical formats. */
    public static final String UNKNOWN_FORMAT = "unknown_format";
    /** A key the canonical format does not have, on the example or on a message. */
    public static final String UNRECOGNIZED_KEY = "unrecognized_key";
    /** Keys of the right names with the wrong shape: no messages, an unknown role, a weight other than 0/1... */
    public static final String MALFORMED_EXAMPLE = "malformed_example";

    // The example is fine, but the target cannot express it.
    /** E.g. a preference row for a chat target: converting would change the training method. */
    public static final String UNSUPPORTED_EXAMPLE_TYPE = "unsupported_example_type";
    /** The deprecated {@code functions} / {@code function_call} / role {@code function}: no target but OpenAI has them. */
    public static final String LEGACY_FUNCTION_CALLING = "legacy_function_calling";
    /** Tool definitions, tool calls or tool results for a target without tools. */
    public static final String TOOLS_UNSUPPORTED = "tools_unsupported";
    /** A message {@code name} or assistant {@code refusal}, which the target has no place for. */
    public static final String UNSUPPORTED_MESSAGE_FIELD = "unsupported_message_field";
    /** Image (or other non-text) content parts for a text-only target. */
    public static final String NON_TEXT_CONTENT = "non_text_content";
    /** Several text parts in one message for a target that takes one string per message. */
    public static final String MULTIPLE_CONTENT_PARTS = "multiple_content_parts";
    /** An empty prompt or completion where the target needs text. */
    public static final String EMPTY_CONTENT = "empty_content";
    /** No assistant turn left to train on (none, or every one has {@code weight: 0}). */
    public static final String NO_TRAINED_ASSISTANT_TURN = "no_trained_assistant_turn";
    /** A {@code weight: 0} assistant turn before a trained one, for a target without per-turn weights. */
    public static final String WEIGHT_UNSUPPORTED = "weight_unsupported";
    /** A system message after the conversation started, for a target with one top-level system prompt. */
    public static final String SYSTEM_NOT_LEADING = "system_not_leading";
    /** The conversation (after the system prompt) does not start with a user turn. */
    public static final String FIRST_TURN_NOT_USER = "first_turn_not_user";
    /** Two user or two assistant turns in a row, for a target that needs strict alternation. */
    public static final String TURNS_NOT_ALTERNATING = "turns_not_alternating";
    /** A chat that is not one user turn and one assistant turn, for a prompt/completion target. */
    public static final String NOT_SINGLE_TURN = "not_single_turn";
    /** The translator failed on the line: a bug, reported rather than thrown so one line cannot sink a file. */
    public static final String TRANSLATION_FAILED = "translation_failed";

    private SkipReasons() {
    }
}
