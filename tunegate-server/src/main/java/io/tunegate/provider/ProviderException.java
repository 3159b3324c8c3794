package io.tunegate.provider;

/** A provider call failed; subclasses say whether retrying can help. Messages never carry secrets. */
public abstract sealed class ProviderException extends RuntimeException
        permits TransientProviderException, PermanentProviderException {

    private final String provider;

    protected ProviderException(String provider, String message, Throwable cause) {
        super(message, cause);
        this.provider = provider;
    }

    public String provider() {
        return provider;
    }
}
