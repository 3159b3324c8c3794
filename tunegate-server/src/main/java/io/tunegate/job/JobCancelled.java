package io.tunegate.job;

import java.time.Instant;
import java.util.UUID;

public record JobCancelled(UUID jobId, UUID projectId, String provider, Instant finishedAt) {
}
