package io.tunegate.cli;

import io.tunegate.cli.render.JobText;
import io.tunegate.cli.render.Progress;
import io.tunegate.cli.render.WatchLine;
import io.tunegate.client.FineTuningClient;
import io.tunegate.client.NotFoundException;
import io.tunegate.client.JobEventStream;
import io.tunegate.client.model.Estimate;
import io.tunegate.client.model.Job;
import io.tunegate.client.model.JobEvent;
import io.tunegate.client.model.JobStatus;
import io.tunegate.client.model.MetricPoint;
import io.tunegate.client.model.Page;
import java.time.Duration;
import java.time.Instant;

/**
 * Follows a job to its end: the event stream says when something happened; each time, the job (for its
 * progress) and the new training points (from where the last fetch ended) are fetched and the progress line
 * redrawn. Ends with the job as it ended
 * and an exit code: 0 when it succeeded, 1 when it failed or was cancelled.
 */
final class JobWatcher {

    private final FineTuningClient client;
    private final Output output;
    private final boolean events;

    private MetricPoint latest;
    private Double jobProgress;
    private String metricsCursor;
    private Integer epochs;
    private boolean epochsLooked;

    JobWatcher(FineTuningClient client, Output output) {
        this(client, output, false);
    }

    /** @param events also print each event's message on stderr */
    JobWatcher(FineTuningClient client, Output output, boolean events) {
        this.client = client;
        this.output = output;
        this.events = events;
    }

    int watch(Job start) {
        Job job = start;
        Progress progress = output.progress();
        try {
            // an ended job's stream replays its whole history: worth it only when the events were asked for
            if (!job.isTerminal() || events) {
                JobStatus status = job.status();
                Instant startedAt = job.startedAt();
                jobProgress = job.progress();
                show(progress, status, startedAt);
                try (JobEventStream stream = client.streamJobEvents(job.id())) {
                    while (stream.hasNext()) {
                        JobEvent event = stream.next();
                        if (event.status() != null) {
                            status = event.status();
                        }
                        if (events && event.message() != null) {
                            progress.finish();
                            output.message(event.seq() + "  " + event.type() + "  " + event.message());
                        }
                        if (startedAt == null && status == JobStatus.RUNNING) {
                            startedAt = event.createdAt();
                        }
                        fetchNewPoints(job.id());
                        if (status == null || !status.isTerminal()) {
                            Job now = client.getJob(job.id());
                            jobProgress = now.progress();
                            if (!epochsLooked && status == JobStatus.RUNNING) {
                                epochs = epochs(now);
                            }
                        }
                        show(progress, status, startedAt);
                    }
                }
                job = client.getJob(job.id());
                jobProgress = job.progress();
                fetchNewPoints(job.id());
                show(progress, job.status(), job.startedAt());
            }
        } finally {
            progress.finish();
        }
        if (output.json()) {
            output.printJson(job);
        } else {
            output.print(JobText.ended(job));
        }
        return job.status() == JobStatus.SUCCEEDED ? ExitCodes.OK : ExitCodes.NOT_SUCCEEDED;
    }

    private void show(Progress progress, JobStatus status, Instant startedAt) {
        Duration elapsed = startedAt == null ? null : Duration.between(startedAt, Instant.now());
        WatchLine.of(status, jobProgress, latest, epochs, elapsed).show(progress);
    }

    /** Points after the last one seen, page by page: a long job's curve is not fetched again on every event. */
    private void fetchNewPoints(String jobId) {
        Page<MetricPoint> page;
        do {
            page = client.listJobMetrics(jobId, metricsCursor, null);
            if (!page.data().isEmpty()) {
                latest = page.data().getLast();
                metricsCursor = page.nextCursor() != null ? page.nextCursor() : String.valueOf(latest.step());
            }
        } while (page.hasMore());
    }

    /**
     * The epochs the job trains: its own setting, else what its provider's quote resolved "auto" to. Looked up
     * once the job runs, when its provider is settled.
     */
    private Integer epochs(Job job) {
        if (job.provider() == null) {
            return null;
        }
        epochsLooked = true;
        if (job.hyperparameters() != null && job.hyperparameters().nEpochs() != null) {
            return job.hyperparameters().nEpochs();
        }
        try {
            Estimate estimate = client.getJobEstimate(job.id());
            return estimate.forProvider(job.provider()).map(Estimate.ProviderQuote::epochs).orElse(null);
        } catch (NotFoundException e) {
            return null; // a job routed before estimates were stored
        }
    }
}
