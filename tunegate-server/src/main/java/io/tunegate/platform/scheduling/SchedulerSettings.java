package io.tunegate.platform.scheduling;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The persistent scheduler that follows jobs, shared by every instance on the database. Work held by an
 * instance that stops heartbeating (the lease) is taken over once {@code heartbeatInterval x
 * missedHeartbeatsLimit} has passed (20 s by default), noticed by a check every {@code 2 x heartbeatInterval}:
 * within about 30 s by default. On a graceful stop executions in flight finish (up to {@code 2 x
 * shutdownMaxWait}) and are released at once; only one still running after that waits for its lease.
 */
@ConfigurationProperties("tunegate.scheduler")
@Validated
public record SchedulerSettings(
        @DefaultValue("16") @Min(1) int threads,
        @DefaultValue("500ms") Duration pollingInterval,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("4") @Min(4) int missedHeartbeatsLimit,
        @DefaultValue("15s") Duration shutdownMaxWait) {
}
