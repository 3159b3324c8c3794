package io.tunegate.job.domain;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.tunegate.job.JobStatus;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One entry of a job's history. {@code seq} counts from 1 per job and is the SSE event id.
 *
 * @param providerStatus the provider's raw status at that moment, beside the normalized {@code status}
 */
public record JobEvent(UUID jobId, int seq, String type, JobStatus status, String providerStatus, String message,
                       Map<String, Object> data, Instant createdAt) {

    public static final String CREATED = "created";
    public static final String STATUS_CHANGED = "status_changed";
    public static final String PROVIDER_MESSAGE = "provider_message";
    public static final String SUBMISSION_RETRY = "submission_retry";
    public static final String FALLBACK = "fallback";
    public static final String WAITING_FOR_SLOT = "waiting_for_slot";
    public static final String POLL_ERROR = "poll_error";
    /** The job moved to {@code paused} (asked through the API, or found so at the provider). */
    public static final String PAUSED = "paused";
    /** The job left {@code paused} for {@code running} (or {@code queued}). */
    public static final String RESUMED = "resumed";
    /** The provider accepted a pause (resume) but did not report the new state yet. */
    public static final String PAUSE_REQUESTED = "pause_requested";
    public static final String RESUME_REQUESTED = "resume_requested";
    public static final String DATA_READY = "data_ready";
    public static final String BUDGET_THRESHOLD_REACHED = "budget.threshold_reached";
    public static final String BUDGET_PROJECTED_OVERSPEND = "budget.projected_overspend";

    /** The last event a stream sends: the job has reached its end. */
    @JsonIgnore
    public boolean isTerminal() {
        return STATUS_CHANGED.equals(type) && status.isTerminal();
    }
}
