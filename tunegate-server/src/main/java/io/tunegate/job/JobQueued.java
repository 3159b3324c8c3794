package io.tunegate.job;

import java.time.Instant;
import java.util.UUID;

/** The gateway accepted a job's input; it waits for its provider. Published once per job. */
public record JobQueued(UUID jobId, UUID projectId, Instant at) {
}
