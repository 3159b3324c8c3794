package io.tunegate.webhook.internal;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    private static final Instant T = Instant.parse("2026-11-21T12:00:00Z");

    @Test
    void followsTheScheduleThenGivesUpAfterTheEighthAttempt() {
        RetrySchedule noJitter = new RetrySchedule(RetrySchedule.DEFAULT, () -> 0.0);
        Duration[] expected = {Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30),
                Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10)};
        for (int made = 1; made <= 7; made++) {
            assertThat(noJitter.next(made, T, null)).contains(T.plus(expected[made - 1]));
        }
        assertThat(noJitter.next(8, T, null)).isEmpty();
        assertThat(noJitter.attempts()).isEqualTo(8);
    }

    @Test
    void jitterAddsAtMostATenth() {
        RetrySchedule maxJitter = new RetrySchedule(RetrySchedule.DEFAULT, () -> 0.999);
        Instant next = maxJitter.next(3, T, null).orElseThrow();
        assertThat(next).isAfter(T.plus(Duration.ofMinutes(30))).isBefore(T.plus(Duration.ofMinutes(33)));
    }

    @Test
    void retryAfterWinsWhenLongerAndIsCappedAtADay() {
        RetrySchedule noJitter = new RetrySchedule(RetrySchedule.DEFAULT, () -> 0.0);
        assertThat(noJitter.next(1, T, Duration.ofMinutes(2))).contains(T.plus(Duration.ofMinutes(2)));
        assertThat(noJitter.next(1, T, Duration.ofSeconds(1))).contains(T.plus(Duration.ofSeconds(5)));
        assertThat(noJitter.next(1, T, Duration.ofDays(30))).contains(T.plus(Duration.ofHours(24)));
        // the last attempt stays the last, whatever the receiver asks
        assertThat(noJitter.next(8, T, Duration.ofSeconds(1))).isEmpty();
    }
}
