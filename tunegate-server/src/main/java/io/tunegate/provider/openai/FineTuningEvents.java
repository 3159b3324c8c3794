package io.tunegate.provider.openai;

import io.tunegate.provider.ProviderJobSnapshot.Event;
import io.tunegate.provider.ProviderJobSnapshot.MetricPoint;
import io.tunegate.provider.http.JsonFields;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A job's event list read back to the last event already seen. The API lists events newest first and pages
 * toward older ones ({@code after} = the oldest id of the previous page), so reading stops at the cursor (the
 * newest id seen last time) or after {@link #MAX_PAGES} pages: a job with more new events than that between two
 * polls loses the oldest of them, never repeats one. {@code type: metrics} events become metric points, not
 * events (one per step would bury the messages); their {@code step}/{@code total_steps} give the progress.
 */
final class FineTuningEvents {

    static final int PAGE_SIZE = 100;
    static final int MAX_PAGES = 10;
    private static final Set<String> CURVE = Set.of("step", "train_loss", "valid_loss", "total_steps", "epoch");

    private FineTuningEvents() {
    }

    record Read(List<Event> events, List<MetricPoint> metrics, String nextCursor, Double progress) {
    }

    /**
     * @param cursor      the newest event id seen before, or null
     * @param nEpochs     the job's resolved epochs, to place steps in epochs; null if unknown
     * @param pageAfter   reads the page of events older than the given id (null: the newest page)
     */
    static Read read(String cursor, Integer nEpochs, Function<String, JsonNode> pageAfter) {
        List<JsonNode> fresh = new ArrayList<>();
        JsonNode newestMetrics = null;
        String newestId = null;
        String after = null;
        boolean reachedCursor = false;
        for (int page = 0; page < MAX_PAGES && !reachedCursor; page++) {
            JsonNode answer = pageAfter.apply(after);
            JsonNode data = answer.path("data");
            if (!data.isArray() || data.isEmpty()) {
                break;
            }
            for (JsonNode event : data) {
                String id = JsonFields.text(event, "id");
                if (newestId == null) {
                    newestId = id;
                }
                if (newestMetrics == null && isMetrics(event)) {
                    newestMetrics = event; // seen before or not: the latest step tells the progress
                }
                if (cursor != null && cursor.equals(id)) {
                    reachedCursor = true;
                }
                if (!reachedCursor) {
                    fresh.add(event);
                }
            }
            after = JsonFields.text(data.get(data.size() - 1), "id");
            if (!answer.path("has_more").asBoolean(false) || after == null) {
                break;
            }
        }
        Collections.reverse(fresh); // oldest first, as the gateway records them
        List<Event> events = new ArrayList<>();
        List<MetricPoint> metrics = new ArrayList<>();
        for (JsonNode event : fresh) {
            if (isMetrics(event)) {
                MetricPoint point = point(event.get("data"), nEpochs);
                if (point != null) {
                    metrics.add(point);
                }
            } else {
                String message = JsonFields.text(event, "message");
                String id = JsonFields.text(event, "id");
                if (message != null && id != null) {
                    events.add(new Event(id, JsonFields.seconds(event, "created_at"), JsonFields.text(event, "level"),
                            message));
                }
            }
        }
        return new Read(events, metrics, newestId != null ? newestId : cursor,
                newestMetrics == null ? null : progress(newestMetrics.get("data")));
    }

    private static boolean isMetrics(JsonNode event) {
        return "metrics".equals(JsonFields.text(event, "type")) && event.path("data").isObject();
    }

    static MetricPoint point(JsonNode data, Integer nEpochs) {
        Long step = JsonFields.whole(data, "step");
        if (step == null || step < 0 || step > Integer.MAX_VALUE) {
            return null;
        }
        Double epoch = JsonFields.number(data, "epoch");
        Long total = JsonFields.whole(data, "total_steps");
        if (epoch == null && total != null && total > 0 && nEpochs != null && nEpochs > 0) {
            // steps are spread evenly over the epochs
            epoch = (double) step * nEpochs / total;
        }
        Map<String, Double> extra = new LinkedHashMap<>();
        data.properties().forEach(field -> {
            if (!CURVE.contains(field.getKey()) && field.getValue().isNumber()
                    && Double.isFinite(field.getValue().asDouble())) {
                extra.put(field.getKey(), field.getValue().asDouble());
            }
        });
        return new MetricPoint(step.intValue(), epoch, JsonFields.number(data, "train_loss"),
                JsonFields.number(data, "valid_loss"), extra);
    }

    private static Double progress(JsonNode data) {
        Long step = JsonFields.whole(data, "step");
        Long total = JsonFields.whole(data, "total_steps");
        return step == null || total == null || total <= 0 ? null : Math.min(1.0, (double) step / total);
    }
}
