package io.tunegate.client;

/** 400: missing, unknown or wrong-typed fields ({@link Problem#errors()} names them), or a body that is not JSON. */
public class InvalidRequestException extends TunegateApiException {

    public InvalidRequestException(Problem problem) {
        super(problem);
    }
}
