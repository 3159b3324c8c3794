package io.tunegate.job.internal;

import io.tunegate.job.domain.Job;
import io.tunegate.job.domain.JobEvent;
import io.tunegate.job.persistence.JobEventStore;
import io.tunegate.job.persistence.JobMetricStore;
import io.tunegate.job.persistence.JobRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;

/**
 * Saves the aggregate with the events and metric points it recorded, in the caller's transaction; after the
 * commit, drops the cached view, wakes the job's streams and counts endings.
 */
@Component
public class JobStore {

    private final JobRepository jobs;
    private final JobEventStore events;
    private final JobMetricStore metrics;
    private final JobSignals signals;
    private final JobMeters meters;
    private final JobViewCache views;

    JobStore(JobRepository jobs, JobEventStore events, JobMetricStore metrics, JobSignals signals, JobMeters meters,
             JobViewCache views) {
        this.views = views;
        this.jobs = jobs;
        this.events = events;
        this.metrics = metrics;
        this.signals = signals;
        this.meters = meters;
    }

    public Job save(Job job) {
        List<JobEvent> recorded = job.drainEvents();
        Job saved = jobs.saveAndFlush(job);
        events.append(recorded);
        metrics.add(job.id(), job.drainMetrics());
        boolean ended = recorded.stream().anyMatch(JobEvent::isTerminal);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                views.invalidate(saved.projectId(), saved.id());
                if (ended) {
                    meters.ended(saved);
                }
                signals.signal(saved.id());
            }
        });
        return saved;
    }
}
