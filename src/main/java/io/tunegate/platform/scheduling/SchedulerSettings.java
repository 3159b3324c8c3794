package io.tunegate.platform.scheduling;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * The persistent scheduler that follows jobs. Work held by an instance that stops heartbeating is taken
 * over after {@code heartbeatInterval x missedHeartbeatsLimit} (20 s by default).
 */
@ConfigurationProperties("tunegate.scheduler")
public record SchedulerSettings(
        @DefaultValue("16") int threads,
        @DefaultValue("500ms") Duration pollingInterval,
        @DefaultValue("5s") Duration heartbeatInterval,
        @DefaultValue("4") int missedHeartbeatsLimit,
        @DefaultValue("15s") Duration shutdownMaxWait) {
}
