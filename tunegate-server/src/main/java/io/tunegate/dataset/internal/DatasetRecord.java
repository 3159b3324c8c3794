package io.tunegate.dataset.internal;

import io.tunegate.dataset.analysis.DatasetReport;

import java.time.Instant;
import java.util.UUID;

/**
 * A stored dataset: where its bytes are and what the analysis found.
 *
 * @param baseModel the base model it was analyzed for, as given; null when none was
 */
record DatasetRecord(UUID id, UUID projectId, String filename, String sha256, long bytes, String storageKey,
                     String baseModel, DatasetReport report, Instant createdAt) {
}
