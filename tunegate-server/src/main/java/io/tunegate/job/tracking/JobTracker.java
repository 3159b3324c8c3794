package io.tunegate.job.tracking;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Starts following a job (in the caller's transaction) and nudges it when something changed. */
@Component
public class JobTracker {

    static final String TASK = "job-driver";
    private static final Logger log = LoggerFactory.getLogger(JobTracker.class);

    private final SchedulerClient scheduler;
    private final JdbcClient jdbc;
    private final Clock clock;

    JobTracker(SchedulerClient scheduler, JdbcClient jdbc, Clock clock) {
        this.scheduler = scheduler;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void follow(UUID jobId) {
        scheduler.scheduleIfNotExists(new TaskInstance<Void>(TASK, jobId.toString()), clock.instant());
    }

    /**
     * A safety net: schedules the driver of every active job that has none (it should never happen; if it
     * does, the job would otherwise sit unseen forever).
     */
    public int followOrphans() {
        List<UUID> orphans = jdbc.sql("""
                        select j.id from jobs j
                        where j.status not in ('succeeded', 'failed', 'cancelled')
                          and not exists (select 1 from scheduled_tasks t
                                          where t.task_name = ? and t.task_instance = j.id::text)
                        limit 1000""")
                .param(TASK).query(UUID.class).list();
        orphans.forEach(id -> {
            log.warn("Job {} was active without a tracker; following it again", id);
            follow(id);
        });
        return orphans.size();
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
