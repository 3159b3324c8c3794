package io.tunegate.client;

/** 413: the body is over the gateway's limit (1 MB for JSON, 5 GB for datasets by default). */
public class PayloadTooLargeException extends TunegateApiException {

    public PayloadTooLargeException(Problem problem) {
        super(problem);
    }
}
