package io.tunegate.job.tracking;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential backoff with +-20% jitter, capped; a provider's own retry hint wins when it asks for longer. */
final class Backoff {

    private Backoff() {
    }

    static Duration after(int attempt, Duration base, Duration cap, Duration hint) {
        long exponent = Math.min(Math.max(attempt - 1, 0), 20);
        long millis = Math.min(base.toMillis() << exponent, cap.toMillis());
        long jittered = Math.round(millis * (0.8 + 0.4 * ThreadLocalRandom.current().nextDouble()));
        Duration wait = Duration.ofMillis(Math.min(jittered, cap.toMillis()));
        return hint != null && hint.compareTo(wait) > 0 ? (hint.compareTo(cap) > 0 ? cap : hint) : wait;
    }
}
