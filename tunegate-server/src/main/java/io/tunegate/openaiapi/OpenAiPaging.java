package io.tunegate.openaiapi;

/** {@code limit} as OpenAI takes it, checked here so a bad one answers in OpenAI's shape naming {@code limit}. */
final class OpenAiPaging {

    private OpenAiPaging() {
    }

    static int limit(String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw OpenAiException.invalid("limit", "limit must be an integer from 1 to " + max + ".");
    }
}
