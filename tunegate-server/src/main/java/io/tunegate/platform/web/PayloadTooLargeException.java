package io.tunegate.platform.web;

import java.io.IOException;

/** Thrown while reading a body that goes past the configured limit. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than the limit of " + limit + " bytes.");
    }
}
