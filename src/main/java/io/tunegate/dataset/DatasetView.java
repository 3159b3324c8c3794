package io.tunegate.dataset;

import io.tunegate.dataset.analysis.DatasetReport;

import java.time.Instant;

/**
 * A dataset as the API shows it. {@code status} is {@code valid} or {@code invalid}; jobs accept only valid
 * ones. {@code report} holds the validation report (absent in lists).
 */
public record DatasetView(String id, String object, String filename, long bytes, String sha256, String status,
                          String format, long examples, String tokenizer, Instant createdAt, DatasetReport report) {
}
