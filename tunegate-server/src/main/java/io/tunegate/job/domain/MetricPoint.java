package io.tunegate.job.domain;

import java.time.Instant;
import java.util.Map;

/** One point of a job's training curve. */
public record MetricPoint(int step, Double epoch, Double trainLoss, Double validLoss, Map<String, Double> extra,
                          Instant recordedAt) {
}
