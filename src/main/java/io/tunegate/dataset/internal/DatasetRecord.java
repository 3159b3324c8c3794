package io.tunegate.dataset.internal;

import io.tunegate.dataset.analysis.DatasetReport;

import java.time.Instant;
import java.util.UUID;

/** A stored dataset: where its bytes are and what the analysis found. */
record DatasetRecord(UUID id, UUID projectId, String filename, String sha256, long bytes, String storageKey,
                     DatasetReport report, Instant createdAt) {
}
