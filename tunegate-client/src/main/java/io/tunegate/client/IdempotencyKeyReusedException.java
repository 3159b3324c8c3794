package io.tunegate.client;

/** 422 {@code idempotency-key-reused}: the {@code Idempotency-Key} was used before with a different body. */
public class IdempotencyKeyReusedException extends UnprocessableException {

    public IdempotencyKeyReusedException(Problem problem) {
        super(problem);
    }
}
