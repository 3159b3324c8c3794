package io.tunegate.job.tracking;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.tunegate.job.JobSettings;
import io.tunegate.job.persistence.IdempotencyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

/** The persistent tasks of the job module: one driver task per active job, and key clean-up. */
@Configuration(proxyBeanMethods = false)
class TrackingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TrackingConfiguration.class);

    @Bean
    Task<Void> jobDriverTask(JobDriver driver, JobSettings settings, Clock clock) {
        return Tasks.custom(JobTracker.TASK, Void.class)
                // an unexpected failure (database down, a bug): try again later, never drop the job
                .onFailure((complete, operations) -> operations.reschedule(complete, clock.instant().plus(
                        Backoff.after(complete.getExecution().consecutiveFailures + 1, Duration.ofSeconds(5),
                                settings.maxBackoff(), null))))
                // the instance working on it died: another one picks it up
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    Next next = driver.drive(UUID.fromString(instance.getId()));
                    if (next.done()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    return (complete, operations) -> operations.reschedule(complete, next.at());
                });
    }

    @Bean
    Task<Void> idempotencyKeyCleanupTask(IdempotencyStore keys, JobSettings settings, Clock clock) {
        return Tasks.recurring("idempotency-key-cleanup", FixedDelay.ofMinutes(30))
                .execute((instance, context) -> {
                    int removed = keys.deleteOlderThan(clock.instant().minus(settings.idempotencyKeyRetention()));
                    log.debug("Removed {} idempotency keys older than {}", removed, settings.idempotencyKeyRetention());
                });
    }
}
