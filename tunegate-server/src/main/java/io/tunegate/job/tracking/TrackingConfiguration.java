package io.tunegate.job.tracking;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.tunegate.job.JobSettings;
import io.tunegate.job.persistence.IdempotencyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

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
                // an unexpected failure: try again later; a database outage never ends a job, a failure that
                // keeps repeating otherwise (bad data, a bug) fails the job so that it does not hang forever
                .onFailure((complete, operations) -> {
                    int failures = complete.getExecution().consecutiveFailures + 1;
                    Throwable cause = complete.getCause().orElse(null);
                    if (failures >= settings.maxDriverFailures() && cause != null && !isDatabaseOutage(cause)) {
                        try {
                            driver.giveUp(UUID.fromString(complete.getExecution().taskInstance.getId()), cause);
                            operations.remove();
                            return;
                        } catch (RuntimeException e) {
                            log.warn("Could not fail job {} after repeated errors", complete.getExecution().taskInstance.getId(), e);
                        }
                    }
                    operations.reschedule(complete, clock.instant().plus(
                            Backoff.after(failures, Duration.ofSeconds(5), settings.maxBackoff(), null)));
                })
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

    private static boolean isDatabaseOutage(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof DataAccessResourceFailureException || t instanceof CannotCreateTransactionException
                    || t instanceof java.sql.SQLTransientException || t instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    @Bean
    Task<Void> orphanedJobSweepTask(ObjectProvider<JobTracker> tracker) {
        // looked up when it runs: the tracker needs the scheduler, which needs this task
        return Tasks.recurring("orphaned-job-sweep", FixedDelay.ofMinutes(1))
                .execute((instance, context) -> tracker.getObject().followOrphans());
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
