package io.tunegate.job;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * How jobs are followed.
 *
 * @param pollInterval            used for providers that do not state their own
 * @param submitRetryBackoff      first wait after a transient submission failure; doubles per attempt
 * @param maxSubmitAttempts       transient failures before the provider counts as refusing (then fallback)
 * @param maxPollFailures         failed status reads in a row before the job is failed as lost
 * @param maxBackoff              the longest wait between two tries
 * @param idempotencyKeyRetention how long an Idempotency-Key is remembered
 */
@ConfigurationProperties("tunegate.jobs")
public record JobSettings(
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("2s") Duration submitRetryBackoff,
        @DefaultValue("5") int maxSubmitAttempts,
        @DefaultValue("30") int maxPollFailures,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("24h") Duration idempotencyKeyRetention) {
}
