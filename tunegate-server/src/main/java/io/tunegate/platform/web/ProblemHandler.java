package io.tunegate.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into RFC 9457 problem+json with a stable type URI. Bad input is a 4xx with field
 * errors; anything unexpected is a 500 that says nothing of the internals (the log has the trace).
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApi(ApiException e) {
        ProblemDetail problem = Problems.of(e.type(), e.getMessage(), e.violations());
        e.properties().forEach(problem::setProperty);
        var response = ResponseEntity.status(problem.getStatus());
        e.headers().forEach((name, value) -> response.header(name, value));
        return response.body(problem);
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> handleTooLarge(PayloadTooLargeException e) {
        return respond(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()));
    }

    /** Two writers kept colliding on one resource (a cancel racing the tracker): the caller may simply retry. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> handleBusy(OptimisticLockingFailureException e) {
        return respond(Problems.of(ProblemType.CONFLICT, "The resource changed while the request was handled; retry."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        log.error("Unexpected error", e);
        return respond(Problems.of(ProblemType.INTERNAL, "An unexpected error occurred; it has been logged."));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        ProblemDetail problem = describeUnreadable(ex);
        return new ResponseEntity<>(problem, HttpStatusCode.valueOf(problem.getStatus()));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
                                                                  HttpHeaders headers, HttpStatusCode status,
                                                                  WebRequest request) {
        List<FieldViolation> violations = ex.getBindingResult().getFieldErrors().stream()
                .map(e -> new FieldViolation(snakeCase(e.getField()), message(e)))
                .toList();
        ApiException invalid = ApiException.invalid(violations);
        return new ResponseEntity<>(Problems.of(ProblemType.INVALID_REQUEST, invalid.getMessage(), violations),
                HttpStatus.BAD_REQUEST);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
                                                                            HttpHeaders headers,
                                                                            HttpStatusCode status,
                                                                            WebRequest request) {
        List<FieldViolation> violations = ex.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream()
                        .map(e -> new FieldViolation(r.getMethodParameter().getParameterName(),
                                e.getDefaultMessage())))
                .toList();
        return new ResponseEntity<>(Problems.of(ProblemType.INVALID_REQUEST, "Invalid request parameters",
                violations), HttpStatus.BAD_REQUEST);
    }

    /** Every other framework exception: keep Spring's status and detail, give it our type URI. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            ProblemType type = typeFor(statusCode);
            problem.setType(type.uri());
            problem.setTitle(type.title());
        }
        return response;
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        String field = ex.getPropertyName() != null ? ex.getPropertyName() : "parameter";
        String message = "'" + ex.getValue() + "' is not " + (ex.getRequiredType() == null ? "valid"
                : typeName(ex.getRequiredType()));
        return new ResponseEntity<>(Problems.of(ProblemType.INVALID_REQUEST, field + ": " + message,
                List.of(new FieldViolation(field, message))), HttpStatus.BAD_REQUEST);
    }

    private ProblemDetail describeUnreadable(HttpMessageNotReadableException ex) {
        Throwable cause = ex.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return Problems.of(ProblemType.INVALID_REQUEST, "Unknown field '" + field + "'",
                    List.of(new FieldViolation(field, "unknown field")));
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            String field = path(mismatch);
            String expected = mismatch.getTargetType() == null ? "another type"
                    : typeName(mismatch.getTargetType());
            String message = mismatch instanceof InvalidFormatException format
                    ? "'" + format.getValue() + "' is not a valid " + expected
                    : "must be " + expected;
            return Problems.of(ProblemType.INVALID_REQUEST, field + ": " + message,
                    List.of(new FieldViolation(field, message)));
        }
        if (cause instanceof StreamReadException read) {
            String where = read.getLocation() == null ? ""
                    : " at line " + read.getLocation().getLineNr() + ", column " + read.getLocation().getColumnNr();
            return Problems.of(ProblemType.MALFORMED_JSON, "The body is not valid JSON" + where + ".");
        }
        if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
            String field = path(json);
            return Problems.of(ProblemType.INVALID_REQUEST, field + ": has an invalid value",
                    List.of(new FieldViolation(field, "has an invalid value")));
        }
        return Problems.of(ProblemType.MALFORMED_JSON, "A JSON request body is required.");
    }

    private static String path(JacksonException e) {
        return e.getPath().stream()
                .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String typeName(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (java.util.Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        if (type == Boolean.class) {
            return "a boolean";
        }
        return "a " + type.getSimpleName();
    }

    private static String message(FieldError error) {
        return error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage();
    }

    static String snakeCase(String field) {
        return field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase();
    }

    private static ProblemType typeFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> ProblemType.INVALID_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 409 -> ProblemType.CONFLICT;
            case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> status.is4xxClientError() ? ProblemType.INVALID_REQUEST : ProblemType.INTERNAL;
        };
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
