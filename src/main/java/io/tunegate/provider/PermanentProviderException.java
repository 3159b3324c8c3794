package io.tunegate.provider;

/** The provider refused the request as it is (validation, auth, unknown model); retrying will not help. */
public final class PermanentProviderException extends ProviderException {

    private final String code;

    public PermanentProviderException(String provider, String code, String message, Throwable cause) {
        super(provider, message, cause);
        this.code = code;
    }

    public PermanentProviderException(String provider, String code, String message) {
        this(provider, code, message, null);
    }

    public String code() {
        return code;
    }
}
