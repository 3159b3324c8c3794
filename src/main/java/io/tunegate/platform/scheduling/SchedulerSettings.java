package io.tunegate.platform.scheduling;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * The persistent scheduler that follows jobs. Work held by an instance that stops heartbeating is taken
 * over after {@code heartbeatInterval x missedHeartbeatsLimit} (20 s by default).
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
