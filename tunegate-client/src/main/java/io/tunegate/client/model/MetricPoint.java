package io.tunegate.client.model;

import java.time.Instant;
import java.util.Map;

/** One point of a job's training curve; the losses are null when the provider does not report them. */
public record MetricPoint(int step, Double epoch, Double trainLoss, Double validLoss, Map<String, Double> extra,
                          Instant recordedAt) {

    public MetricPoint {
        extra = extra == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(extra));
    }
}
