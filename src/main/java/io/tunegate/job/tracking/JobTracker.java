package io.tunegate.job.tracking;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.UUID;

/** Starts following a job (in the caller's transaction) and nudges it when something changed. */
@Component
public class JobTracker {

    static final String TASK = "job-driver";
    private static final Logger log = LoggerFactory.getLogger(JobTracker.class);

    private final SchedulerClient scheduler;
    private final Clock clock;

    JobTracker(SchedulerClient scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    public void follow(UUID jobId) {
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, jobId.toString()), clock.instant());
    }

    /** Best effort: if the job's task is running right now, it will see the change on its next step anyway. */
    public void wake(UUID jobId) {
        try {
            scheduler.reschedule(TaskInstanceId.of(TASK, jobId.toString()), clock.instant());
        } catch (RuntimeException e) {
            log.debug("Job {} is being worked on; it will see the change on its next step", jobId);
        }
    }
}
