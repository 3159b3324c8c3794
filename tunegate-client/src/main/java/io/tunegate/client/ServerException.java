package io.tunegate.client;

/** 5xx: the gateway (or a proxy before it) failed; the request may be retried. */
public class ServerException extends TunegateApiException {

    public ServerException(Problem problem) {
        super(problem);
    }
}
