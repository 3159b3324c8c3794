package io.tunegate.job.tracking;

import io.tunegate.job.persistence.JobRepository;
import io.tunegate.provider.ProviderJobChanged;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.UUID;

/** A provider pushed news of one of its jobs: the active gateway job following it is polled at once. */
@Component
class ProviderPushListener {

    private static final Logger log = LoggerFactory.getLogger(ProviderPushListener.class);

    private final JobRepository jobs;
    private final JobTracker tracker;

    ProviderPushListener(JobRepository jobs, JobTracker tracker) {
        this.jobs = jobs;
        this.tracker = tracker;
    }

    @EventListener
    void on(ProviderJobChanged change) {
        List<UUID> ids = jobs.findActiveIdsByProviderJob(change.provider(), change.providerJobId());
        if (ids.isEmpty()) {
            log.debug("{} pushed news of job {}, which no active job follows", change.provider(), change.providerJobId());
        }
        ids.forEach(tracker::wake);
    }
}
