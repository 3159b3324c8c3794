package io.tunegate.job.internal;

import io.tunegate.job.domain.Job;
import io.tunegate.job.persistence.JobRepository;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Loads a job, changes it and saves it in one short transaction. The API (cancel) and the tracker change
 * the same job; optimistic locking detects the overlap and the change is simply applied again to the
 * fresh state.
 */
@Component
public class JobTransactions {

    private static final int ATTEMPTS = 5;

    private final JobRepository jobs;
    private final JobStore store;
    private final TransactionTemplate tx;

    JobTransactions(JobRepository jobs, JobStore store, TransactionTemplate tx) {
        this.jobs = jobs;
        this.store = store;
        this.tx = tx;
    }

    public Optional<Job> update(UUID jobId, Consumer<Job> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return Optional.ofNullable(tx.execute(status -> jobs.findById(jobId).map(job -> {
                    change.accept(job);
                    return store.save(job);
                }).orElse(null)));
            } catch (ObjectOptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }
}
