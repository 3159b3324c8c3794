package io.tunegate.client;

/** The gateway could not be reached, or the connection failed or timed out before a whole answer came. */
public class TunegateTransportException extends TunegateException {

    public TunegateTransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
