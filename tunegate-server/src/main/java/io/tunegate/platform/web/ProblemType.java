package io.tunegate.platform.web;

import org.springframework.http.HttpStatus;

import java.net.URI;

/** The stable problem {@code type} URIs this API answers with (RFC 9457). */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request is not valid", HttpStatus.BAD_REQUEST),
    MALFORMED_JSON("malformed-json", "The request body is not valid JSON", HttpStatus.BAD_REQUEST),
    UNAUTHENTICATED("unauthenticated", "A valid API key is required", HttpStatus.UNAUTHORIZED),
    INVALID_SIGNATURE("invalid-signature", "The request's signature is missing, wrong or too old",
            HttpStatus.UNAUTHORIZED),
    NOT_FOUND("not-found", "Not found", HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE("not-acceptable", "Not acceptable", HttpStatus.NOT_ACCEPTABLE),
    CONFLICT("conflict", "The request conflicts with the resource's state", HttpStatus.CONFLICT),
    OPERATION_NOT_SUPPORTED("operation-not-supported", "The provider does not support this operation",
            HttpStatus.UNPROCESSABLE_CONTENT),
    // a provider asked on the caller's behalf refused (502) or could not be reached (503); nothing was changed
    PROVIDER_ERROR("provider-error", "The provider refused the request", HttpStatus.BAD_GATEWAY),
    PROVIDER_UNAVAILABLE("provider-unavailable", "The provider could not be reached", HttpStatus.SERVICE_UNAVAILABLE),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", HttpStatus.CONTENT_TOO_LARGE),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused",
            "The Idempotency-Key was already used with a different request", HttpStatus.UNPROCESSABLE_CONTENT),
    NO_PROVIDER("no-provider", "No provider can run this job", HttpStatus.UNPROCESSABLE_CONTENT),
    // 402 as LLM gateways use it for spent credit: the request is fine, the money is not there
    BUDGET_EXCEEDED("budget-exceeded", "The job's estimated cost exceeds the budget", HttpStatus.PAYMENT_REQUIRED),
    INTERNAL("internal", "Internal error", HttpStatus.INTERNAL_SERVER_ERROR);

    private static final String BASE = "https://tunegate.dev/problems/";

    private final String slug;
    private final String title;
    private final HttpStatus status;

    ProblemType(String slug, String title, HttpStatus status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public URI uri() {
        return URI.create(BASE + slug);
    }

    public String title() {
        return title;
    }

    public HttpStatus status() {
        return status;
    }
}
