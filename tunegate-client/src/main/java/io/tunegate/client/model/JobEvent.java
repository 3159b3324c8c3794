package io.tunegate.client.model;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a job's history. {@code seq} counts from 1 per job and is the server-sent event's id.
 *
 * @param type           {@code created}, {@code status_changed}, {@code provider_message}, {@code fallback}, ...
 * @param status         the job's normalized status after the event
 * @param providerStatus the provider's raw status at that moment
 * @param data           event-specific details (the route, a metric, a budget threshold, ...)
 */
public record JobEvent(String jobId, int seq, String type, JobStatus status, String providerStatus, String message,
                       Map<String, Object> data, Instant createdAt) {

    public static final String CREATED = "created";
    public static final String STATUS_CHANGED = "status_changed";

    public JobEvent {
        data = data == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(data));
    }

    /** The last event of a job: its status changed to an ending. A stream closes after it. */
    public boolean isTerminal() {
        return STATUS_CHANGED.equals(type) && status != null && status.isTerminal();
    }
}
