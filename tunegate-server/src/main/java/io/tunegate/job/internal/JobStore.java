package io.tunegate.job.internal;

import io.tunegate.budget.Budgets;
import io.tunegate.budget.ThresholdCrossing;
import io.tunegate.job.domain.Job;
import io.tunegate.job.domain.JobEvent;
import io.tunegate.job.persistence.JobEventStore;
import io.tunegate.job.persistence.JobMetricStore;
import io.tunegate.job.persistence.JobRepository;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Saves the aggregate with the events and metric points it recorded, in the caller's transaction; after the
 * commit, drops the cached view, wakes the job's streams and counts endings. A job that ends here has its
 * budget reservation replaced by its actual cost in the same transaction, so the ledger cannot disagree with
 * the job.
 */
@Component
public class JobStore {

    private final JobRepository jobs;
    private final JobEventStore events;
    private final JobMetricStore metrics;
    private final JobSignals signals;
    private final JobMeters meters;
    private final JobViewCache views;
    private final Budgets budgets;

    JobStore(JobRepository jobs, JobEventStore events, JobMetricStore metrics, JobSignals signals, JobMeters meters,
             JobViewCache views, Budgets budgets) {
        this.budgets = budgets;
        this.views = views;
        this.jobs = jobs;
        this.events = events;
        this.metrics = metrics;
        this.signals = signals;
        this.meters = meters;
    }

    public Job save(Job job) {
        if (job.endingNow()) {
            noteThresholds(job, budgets.settle(job.id(), job.actualCostUsd()));
        }
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

    /** Budget alerts a job's reservation or cost set off, as events on that job. */
    public static void noteThresholds(Job job, List<ThresholdCrossing> crossings) {
        for (ThresholdCrossing c : crossings) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("budget_id", c.budgetId().toString());
            data.put("period", c.period());
            data.put("threshold", c.threshold());
            data.put("limit_usd", c.limitUsd());
            data.put("used_usd", c.usedUsd());
            job.note(JobEvent.BUDGET_THRESHOLD_REACHED, c.describe(), data, job.updatedAt());
        }
    }
}
