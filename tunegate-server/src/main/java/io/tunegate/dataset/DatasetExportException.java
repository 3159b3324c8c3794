package io.tunegate.dataset;

/**
 * A dataset could not be exported for a provider. {@link #retryable()} is false when the data itself is the
 * problem (no format for it, nothing left after translation, dataset gone): another provider may take it.
 */
public class DatasetExportException extends RuntimeException {

    private final boolean retryable;

    public DatasetExportException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
