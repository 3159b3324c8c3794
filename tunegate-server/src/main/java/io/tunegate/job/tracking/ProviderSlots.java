package io.tunegate.job.tracking;

import io.tunegate.job.domain.Job;
import io.tunegate.provider.Providers;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * The job slots each provider gives us ({@code tunegate.providers.<id>.max-concurrent-jobs}). A job holds a
 * slot from its first submission attempt until it ends; jobs beyond the cap wait in {@code queued} and take
 * free slots in submission order. Claims are serialised per provider with a PostgreSQL advisory lock held by
 * the claiming transaction, so instances sharing the database never hand out the same slot twice.
 */
@Component
class ProviderSlots {

    private final JdbcClient jdbc;
    private final Providers providers;
    private final ObjectProvider<JobTracker> tracker;

    ProviderSlots(JdbcClient jdbc, Providers providers, ObjectProvider<JobTracker> tracker) {
        this.jdbc = jdbc;
        this.providers = providers;
        this.tracker = tracker;
    }

    /**
     * @param inUse jobs holding a slot now
     * @param ahead jobs waiting for this provider that were submitted earlier
     */
    record Claim(boolean granted, int max, int inUse, int ahead) {

        static final Claim UNLIMITED = new Claim(true, 0, 0, 0);
    }

    /** Must run in the transaction that starts the job's submission, which keeps the provider's lock until commit. */
    Claim claim(Job job) {
        OptionalInt max = providers.maxConcurrentJobs(job.provider());
        if (max.isEmpty() || job.submitAttempts() > 0) {
            // a job that already tried may have a provider job: it holds its slot
            return Claim.UNLIMITED;
        }
        jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("tunegate.provider-slots:" + job.provider())
                .query(rs -> { });
        int inUse = jdbc.sql("""
                        select count(*) from jobs
                        where provider = ? and status not in ('succeeded', 'failed', 'cancelled')
                          and (provider_job_id is not null or submit_attempts > 0) and id <> ?""")
                .params(job.provider(), job.id()).query(Integer.class).single();
        // ahead: earlier jobs waiting, and earlier jobs still being accepted (their data is counted already,
        // so they are a moment from the line; jobs importing remote data are not: they could hold it for long).
        // Compared with the stored creation time: the row's microseconds, not the entity's nanoseconds.
        int ahead = jdbc.sql("""
                        select count(*) from jobs j, jobs me
                        where me.id = ? and j.id <> me.id and j.provider = ?
                          and (j.status = 'queued' or j.status = 'validating' and j.training_dataset is not null
                               and (j.validation_data is null or j.validation_dataset is not null))
                          and j.provider_job_id is null and j.submit_attempts = 0
                          and (j.created_at, j.id) < (me.created_at, me.id)""")
                .params(job.id(), job.provider()).query(Integer.class).single();
        return new Claim(inUse + ahead < max.getAsInt(), max.getAsInt(), inUse, ahead);
    }

    /** A slot may have freed: the first jobs in line look again now instead of at their next check. */
    void slotFreed(String provider) {
        OptionalInt max = providers.maxConcurrentJobs(provider);
        if (max.isEmpty()) {
            return;
        }
        List<UUID> next = jdbc.sql("""
                        select id from jobs
                        where provider = ? and status = 'queued' and provider_job_id is null and submit_attempts = 0
                        order by created_at, id limit ?""")
                .params(provider, max.getAsInt()).query(UUID.class).list();
        next.forEach(id -> tracker.getObject().wake(id));
    }
}
