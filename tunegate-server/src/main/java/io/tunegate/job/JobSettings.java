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
 * @param maxUnreachable          how long a provider may fail to answer about a job before the job is failed as
 *                                lost; long, because the job most likely goes on training (and billing) meanwhile
 * @param maxBackoff              the longest wait between two tries
 * @param idempotencyKeyRetention how long an Idempotency-Key is remembered
 * @param viewCacheTtl            how stale {@code GET /v1/jobs/{id}} may be about changes made by another instance
 *                                (this instance's own changes show at once); 0 turns the cache off
 * @param maxDriverFailures       unexpected errors in a row (not database outages) before a job is failed as
 *                                internal_error rather than retried forever
 */
@ConfigurationProperties("tunegate.jobs")
public record JobSettings(
        @DefaultValue("10s") Duration pollInterval,
        @DefaultValue("2s") Duration submitRetryBackoff,
        @DefaultValue("5") int maxSubmitAttempts,
        @DefaultValue("3d") Duration maxUnreachable,
        @DefaultValue("5m") Duration maxBackoff,
        @DefaultValue("24h") Duration idempotencyKeyRetention,
        @DefaultValue("10") int maxDriverFailures,
        @DefaultValue("1s") Duration viewCacheTtl) {
}
