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

    /**
     * The provider cannot take a hyperparameter the job sets: the job falls back to its next provider.
     *
     * @param message names the field and why, in the provider's terms
     */
    public static PermanentProviderException unsupportedHyperparameter(String provider, String message) {
        return new PermanentProviderException(provider, "unsupported_hyperparameter", message);
    }

    public String code() {
        return code;
    }
}
