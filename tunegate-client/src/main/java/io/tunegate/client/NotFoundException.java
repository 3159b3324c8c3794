package io.tunegate.client;

/** 404: no such resource in the key's project (another project's resource answers the same). */
public class NotFoundException extends TunegateApiException {

    public NotFoundException(Problem problem) {
        super(problem);
    }
}
