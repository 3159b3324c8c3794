package io.tunegate.job;

import java.time.Instant;
import java.util.UUID;

/** The provider started training a job. Published once per job, the first time it is seen running. */
public record JobRunning(UUID jobId, UUID projectId, String provider, Instant startedAt) {
}
