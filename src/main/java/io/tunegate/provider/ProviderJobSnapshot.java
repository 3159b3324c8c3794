package io.tunegate.provider;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a provider says about a job at one moment.
 *
 * @param nextEventCursor pass back to {@link ProviderAdapter#fetch} to get only newer events
 */
public record ProviderJobSnapshot(ProviderJobState state, String rawStatus, List<Event> events,
                                  String nextEventCursor, List<MetricPoint> metrics, Long trainedTokens,
                                  String fineTunedModel, Error error) {

    public ProviderJobSnapshot {
        events = List.copyOf(events);
        metrics = List.copyOf(metrics);
    }

    public record Event(String id, Instant createdAt, String level, String message) {
    }

    public record MetricPoint(int step, Double epoch, Double trainLoss, Double validLoss,
                              Map<String, Double> extra) {
    }

    public record Error(String code, String message) {
    }
}
