package io.tunegate.provider;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a provider says about a job at one moment.
 *
 * @param nextEventCursor pass back to {@link ProviderAdapter#fetch} to get only newer events
 * @param trainedTokens   tokens trained so far (the billable count once the job ends)
 * @param progress        share of the training done, 0..1, where the provider tells (steps done of total,
 *                        percent); null otherwise
 */
public record ProviderJobSnapshot(ProviderJobState state, String rawStatus, List<Event> events,
                                  String nextEventCursor, List<MetricPoint> metrics, Long trainedTokens,
                                  String fineTunedModel, Error error, Double progress) {

    public ProviderJobSnapshot {
        events = List.copyOf(events);
        metrics = List.copyOf(metrics);
        if (progress != null && !(progress >= 0 && progress <= 1)) {
            progress = null;
        }
    }

    public ProviderJobSnapshot(ProviderJobState state, String rawStatus, List<Event> events, String nextEventCursor,
                               List<MetricPoint> metrics, Long trainedTokens, String fineTunedModel, Error error) {
        this(state, rawStatus, events, nextEventCursor, metrics, trainedTokens, fineTunedModel, error, null);
    }

    public record Event(String id, Instant createdAt, String level, String message) {
    }

    public record MetricPoint(int step, Double epoch, Double trainLoss, Double validLoss,
                              Map<String, Double> extra) {
    }

    public record Error(String code, String message) {
    }
}
