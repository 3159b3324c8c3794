package io.tunegate.openaiapi;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers this surface's own refusals in OpenAI's shape. Every other failure under {@code /openai/v1} (the
 * API key filter, Spring's own errors, refusals of the job and dataset modules) is problem+json that
 * {@link OpenAiErrorFilter} rewrites.
 */
@RestControllerAdvice(basePackageClasses = OpenAiExceptionHandler.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class OpenAiExceptionHandler {

    @ExceptionHandler(OpenAiException.class)
    ResponseEntity<OpenAiError> handle(OpenAiException e) {
        var response = ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON);
        if (!OpenAiErrors.retryable(e.status().value())) {
            response.header(OpenAiErrors.SHOULD_RETRY, "false");
        }
        return response.body(e.body());
    }
}
