package io.tunegate.dataset.analysis;

/** The snake_case keys of {@link DatasetReport#errors()} and {@link DatasetReport#warnings()}. */
final class IssueKinds {

    // Errors: the line cannot be used for training as it is.
    static final String INVALID_JSON = "invalid_json";
    static final String NOT_AN_OBJECT = "not_an_object";
    static final String MISSING_MESSAGES = "missing_messages";
    static final String MESSAGE_MISSING_KEY = "message_missing_key";
    static final String UNRECOGNIZED_KEY = "unrecognized_key";
    static final String UNRECOGNIZED_ROLE = "unrecognized_role";
    static final String MISSING_CONTENT = "missing_content";
    static final String NO_ASSISTANT_MESSAGE = "no_assistant_message";
    static final String INVALID_UTF8 = "invalid_utf8";
    static final String LINE_TOO_LONG = "line_too_long";
    static final String BINARY_CONTENT = "binary_content";
    static final String MISSING_PROMPT_OR_COMPLETION = "missing_prompt_or_completion";
    static final String INVALID_PREFERENCE = "invalid_preference";
    static final String MIXED_FORMATS = "mixed_formats";
    static final String EMPTY_FILE = "empty_file";
    /** The checker itself failed on the line: a bug in this package, reported rather than thrown. */
    static final String CHECK_FAILED = "check_failed";

    // Warnings: trainable, but probably not what was meant.
    static final String EMPTY_LINE = "empty_line";
    static final String NO_SYSTEM_MESSAGE = "no_system_message";
    static final String NO_USER_MESSAGE = "no_user_message";
    static final String OVER_TOKEN_LIMIT = "over_token_limit";

    private IssueKinds() {
    }
}
