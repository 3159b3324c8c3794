package io.tunegate.client;

/** 409: the resource's state does not allow it, e.g. cancelling a job that has ended. */
public class ConflictException extends TunegateApiException {

    public ConflictException(Problem problem) {
        super(problem);
    }
}
