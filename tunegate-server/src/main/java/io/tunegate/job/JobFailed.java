package io.tunegate.job;

import java.time.Instant;
import java.util.UUID;

public record JobFailed(UUID jobId, UUID projectId, String provider, String errorCode, String errorMessage,
                        Instant finishedAt) {
}
