package io.tunegate.client;

/** 422: the request is well formed but cannot be done. */
public class UnprocessableException extends TunegateApiException {

    public UnprocessableException(Problem problem) {
        super(problem);
    }
}
