package io.tunegate.client;

/** The base of everything this client throws: an answer of the gateway, or a failure to reach it. */
public class TunegateException extends RuntimeException {

    public TunegateException(String message) {
        super(message);
    }

    public TunegateException(String message, Throwable cause) {
        super(message, cause);
    }
}
