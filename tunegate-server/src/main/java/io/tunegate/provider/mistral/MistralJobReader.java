package io.tunegate.provider.mistral;

import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobSnapshot.Event;
import io.tunegate.provider.ProviderJobSnapshot.MetricPoint;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.http.JsonFields;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a Mistral job ({@code GET /v1/fine_tuning/jobs/{id}}) into a snapshot: status, events, checkpoint metrics,
 * trained tokens, model, failure reason.
 *
 * <p>Mistral's events carry no id, and several may share name and second (its own documented example repeats
 * {@code status-updated} three times in one second without data). They come newest first and the list only grows,
 * so an event is named by its position counted from the oldest, and the cursor is the number of events already
 * delivered. Should Mistral ever drop old events, newer ones could be skipped (not verified either way).
 */
final class MistralJobReader {

    private static final int MAX_MESSAGE = 500;

    private MistralJobReader() {
    }

    static ProviderJobSnapshot snapshot(JsonNode job, String eventCursor) {
        String raw = JsonFields.text(job.path("status"));
        ProviderJobState state = MistralStatus.of(raw);
        List<JsonNode> events = oldestFirst(job.path("events"));
        int delivered = delivered(eventCursor);
        List<Event> fresh = new ArrayList<>();
        for (int i = delivered; i < events.size(); i++) {
            fresh.add(event(i, events.get(i)));
        }
        List<MetricPoint> metrics = metrics(job.path("checkpoints"));
        Long trainedTokens = JsonFields.whole(job.path("trained_tokens"));
        ProviderJobSnapshot.Error error = state == ProviderJobState.FAILED ? failure(raw, events) : null;
        String model = state == ProviderJobState.SUCCEEDED ? JsonFields.text(job.path("fine_tuned_model")) : null;
        return new ProviderJobSnapshot(state, raw == null ? "UNKNOWN" : raw, fresh, String.valueOf(Math.max(delivered, events.size())),
                metrics, trainedTokens, model, error, progress(state, job, metrics));
    }

    /** Events in the order they happened; Mistral sends them newest first. */
    private static List<JsonNode> oldestFirst(JsonNode events) {
        List<JsonNode> list = new ArrayList<>();
        if (events.isArray()) {
            events.forEach(list::add);
        }
        if (list.size() > 1) {
            Long first = JsonFields.whole(list.getFirst().path("created_at"));
            Long last = JsonFields.whole(list.getLast().path("created_at"));
            // ascending already (another order than documented): keep it; equal or descending: reverse
            if (first == null || last == null || first >= last) {
                java.util.Collections.reverse(list);
            }
        }
        return list;
    }

    /** Events already delivered; a shorter list than that (a partial answer) never re-delivers old ones. */
    private static int delivered(String cursor) {
        if (cursor == null) {
            return 0;
        }
        try {
            return Math.max(0, Integer.parseInt(cursor.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Event event(int position, JsonNode event) {
        String name = JsonFields.text(event.path("name"));
        JsonNode data = event.path("data");
        String status = JsonFields.text(data.path("status"));
        StringBuilder message = new StringBuilder(name == null ? "event" : name);
        if (status != null) {
            message.append(": ").append(status);
        }
        String reason = reason(data);
        if (reason != null) {
            message.append(" (").append(reason).append(')');
        } else if (data.isObject() && data.size() > (status == null ? 0 : 1)) {
            message.append(' ').append(data);
        }
        String level = status != null && status.toUpperCase(Locale.ROOT).startsWith("FAILED")
                || name != null && (name.contains("error") || name.contains("fail")) ? "error" : "info";
        Long at = JsonFields.whole(event.path("created_at"));
        return new Event("event-" + position + ":" + (name == null ? "event" : name),
                at == null ? null : Instant.ofEpochSecond(at), level, shorten(message.toString()));
    }

    /** Checkpoints (newest first on the wire) as metric points in step order. */
    private static List<MetricPoint> metrics(JsonNode checkpoints) {
        List<MetricPoint> points = new ArrayList<>();
        if (!checkpoints.isArray()) {
            return points;
        }
        for (JsonNode checkpoint : checkpoints) {
            Long step = JsonFields.whole(checkpoint.path("step_number"));
            if (step == null || step < 0 || step > Integer.MAX_VALUE) {
                continue;
            }
            JsonNode m = checkpoint.path("metrics");
            Double accuracy = JsonFields.number(m.path("valid_mean_token_accuracy"));
            points.add(new MetricPoint(step.intValue(), null, JsonFields.number(m.path("train_loss")),
                    JsonFields.number(m.path("valid_loss")),
                    accuracy == null ? Map.of() : Map.of("valid_mean_token_accuracy", accuracy)));
        }
        points.sort(Comparator.comparingInt(MetricPoint::step));
        return points;
    }

    /** Steps done of {@code hyperparameters.training_steps}, where both are known. */
    private static Double progress(ProviderJobState state, JsonNode job, List<MetricPoint> metrics) {
        if (state == ProviderJobState.SUCCEEDED) {
            return 1.0;
        }
        Long total = JsonFields.whole(job.path("hyperparameters").path("training_steps"));
        if (total == null || total <= 0 || metrics.isEmpty()) {
            return null;
        }
        return Math.min(1.0, metrics.getLast().step() / (double) total);
    }

    /**
     * Mistral's job object has no error field: the reason, when given, is looked for in the newest event's data
     * ({@code error}, {@code message}, {@code reason}, {@code detail}); where it lives is not verified.
     */
    private static ProviderJobSnapshot.Error failure(String raw, List<JsonNode> events) {
        String code = raw == null ? "failed" : raw.toLowerCase(Locale.ROOT);
        for (int i = events.size() - 1; i >= 0; i--) {
            String reason = reason(events.get(i).path("data"));
            if (reason != null) {
                return new ProviderJobSnapshot.Error(code, shorten(reason));
            }
        }
        return new ProviderJobSnapshot.Error(code, "Mistral reports the job " + raw + " without giving a reason");
    }

    private static String reason(JsonNode data) {
        if (!data.isObject()) {
            return null;
        }
        for (String field : List.of("error", "message", "reason", "detail")) {
            JsonNode value = data.path(field);
            String text = value.isObject() ? JsonFields.text(value.path("message")) : JsonFields.text(value);
            if (text != null) {
                return text;
            }
        }
        return null;
    }

    private static String shorten(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
    }
}
