package io.tunegate.dataset;

/**
 * Importing an {@code s3://} or {@code https://} reference failed. {@link #retryable()} tells whether trying
 * again later may succeed (network errors, timeouts, 5xx, throttling) or not (403, 404, too large, a private
 * address, a bad reference). The message is safe to show to the user: it names the reference without its
 * query string or credentials and never carries a stack trace or a provider's raw error.
 */
public class DatasetImportException extends RuntimeException {

    private final boolean retryable;

    public DatasetImportException(String message, boolean retryable) {
        super(message, null, false, false);
        this.retryable = retryable;
    }

    public static DatasetImportException retryable(String message) {
        return new DatasetImportException(message, true);
    }

    public static DatasetImportException permanent(String message) {
        return new DatasetImportException(message, false);
    }

    public boolean retryable() {
        return retryable;
    }
}
