package io.tunegate.openaiapi;

import org.springframework.http.HttpStatus;

/** A refusal of this surface, answered in OpenAI's error shape with its status, param and code. */
class OpenAiException extends RuntimeException {

    private final HttpStatus status;
    private final String param;
    private final String code;

    OpenAiException(HttpStatus status, String message, String param, String code) {
        super(message, null, false, false);
        this.status = status;
        this.param = param;
        this.code = code;
    }

    static OpenAiException invalid(String param, String message) {
        return new OpenAiException(HttpStatus.BAD_REQUEST, message, param, "invalid_value");
    }

    static OpenAiException missing(String param) {
        return new OpenAiException(HttpStatus.BAD_REQUEST, "Missing required parameter: '" + param + "'.", param,
                "missing_required_parameter");
    }

    static OpenAiException notFound(String message, String param) {
        return new OpenAiException(HttpStatus.NOT_FOUND, message, param, "not_found");
    }

    HttpStatus status() {
        return status;
    }

    String param() {
        return param;
    }

    String code() {
        return code;
    }

    OpenAiError body() {
        return OpenAiError.of(getMessage(), OpenAiErrors.typeFor(status.value()), param, code);
    }
}
