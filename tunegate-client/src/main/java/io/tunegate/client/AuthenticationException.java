package io.tunegate.client;

/** 401: no API key, or one that is not valid. */
public class AuthenticationException extends TunegateApiException {

    public AuthenticationException(Problem problem) {
        super(problem);
    }
}
