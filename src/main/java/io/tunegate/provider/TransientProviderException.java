package io.tunegate.provider;

import java.time.Duration;
import java.util.Optional;

/** 429, 5xx, timeouts, resets: the same call may succeed later, after {@link #retryAfter()} if given. */
public final class TransientProviderException extends ProviderException {

    private final Duration retryAfter;

    public TransientProviderException(String provider, String message, Duration retryAfter, Throwable cause) {
        super(provider, message, cause);
        this.retryAfter = retryAfter;
    }

    public TransientProviderException(String provider, String message) {
        this(provider, message, null, null);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
