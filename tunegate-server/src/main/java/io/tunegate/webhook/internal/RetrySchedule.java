package io.tunegate.webhook.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When the next attempt of a delivery is due. Waits get up to 10 % jitter, so the retries of many deliveries
 * that failed together (a receiver outage) do not all arrive at the same moment; a {@code Retry-After} the
 * receiver sent is waited out when it asks for longer than the schedule.
 */
record RetrySchedule(List<Duration> waits, DoubleSupplier random) {

    static final List<Duration> DEFAULT = List.of(Duration.ZERO, Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10));

    /** The longest Retry-After honoured: a receiver cannot park a delivery for longer than a day. */
    static final Duration MAX_RETRY_AFTER = Duration.ofHours(24);

    RetrySchedule {
        if (waits.isEmpty()) {
            throw new IllegalArgumentException("the retry schedule needs at least one attempt");
        }
        waits = List.copyOf(waits);
    }

    int attempts() {
        return waits.size();
    }

    /**
     * @param attemptsMade attempts made so far, the one that just failed included
     * @return when the next attempt is due; empty when there is none left (the delivery has failed)
     */
    Optional<Instant> next(int attemptsMade, Instant failedAt, Duration retryAfter) {
        if (attemptsMade >= waits.size()) {
            return Optional.empty();
        }
        Duration wait = waits.get(attemptsMade);
        long jitter = (long) (wait.toMillis() * 0.1 * random.getAsDouble());
        wait = wait.plusMillis(jitter);
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
        }
        return Optional.of(failedAt.plus(wait));
    }
}
