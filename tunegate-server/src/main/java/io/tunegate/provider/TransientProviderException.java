package io.tunegate.provider;

import java.time.Duration;
import java.util.Optional;

/**
 * 429, 5xx, timeouts, resets, unreadable answers: the same call may succeed later, after {@link #retryAfter()}
 * if given. {@link #notSent()} is true when the request never left the gateway (circuit open, too many calls
 * in flight), so the provider cannot have acted on it.
 */
public final class TransientProviderException extends ProviderException {

    private final Duration retryAfter;
    private final boolean notSent;

    public TransientProviderException(String provider, String message, Duration retryAfter, Throwable cause,
                                      boolean notSent) {
        super(provider, message, cause);
        this.retryAfter = retryAfter;
        this.notSent = notSent;
    }

    public TransientProviderException(String provider, String message, Duration retryAfter, Throwable cause) {
        this(provider, message, retryAfter, cause, false);
    }

    public TransientProviderException(String provider, String message) {
        this(provider, message, null, null);
    }

    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public boolean notSent() {
        return notSent;
    }
}
