package io.tunegate.openaiapi;

/** OpenAI's error body: {@code {"error": {"message", "type", "param", "code"}}}. */
record OpenAiError(Body error) {

    record Body(String message, String type, String param, String code) {
    }

    static OpenAiError of(String message, String type, String param, String code) {
        return new OpenAiError(new Body(message, type, param, code));
    }
}
