package io.tunegate.provider.vertex;

import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobSnapshot.Event;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.http.JsonFields;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads a Vertex AI {@code TuningJob} into a snapshot. Vertex has no events endpoint and no loss curve in the job
 * (loss lives in a Vertex Experiment, not read here), so events are derived from what the job shows: one per state
 * ({@code state:JOB_STATE_RUNNING}), per tuning stage ({@code stage:TUNING_JOB_STATE_TUNING}), per checkpoint and
 * for the error. The cursor is the list of those ids already delivered. Google writes int64 fields as JSON strings;
 * both forms are read.
 */
final class VertexJobReader {

    private static final int MAX_MESSAGE = 1000;
    private static final Map<Integer, String> RPC_CODES = Map.ofEntries(
            Map.entry(1, "CANCELLED"), Map.entry(2, "UNKNOWN"), Map.entry(3, "INVALID_ARGUMENT"),
            Map.entry(4, "DEADLINE_EXCEEDED"), Map.entry(5, "NOT_FOUND"), Map.entry(6, "ALREADY_EXISTS"),
            Map.entry(7, "PERMISSION_DENIED"), Map.entry(8, "RESOURCE_EXHAUSTED"), Map.entry(9, "FAILED_PRECONDITION"),
            Map.entry(10, "ABORTED"), Map.entry(11, "OUT_OF_RANGE"), Map.entry(12, "UNIMPLEMENTED"),
            Map.entry(13, "INTERNAL"), Map.entry(14, "UNAVAILABLE"), Map.entry(15, "DATA_LOSS"),
            Map.entry(16, "UNAUTHENTICATED"));

    private VertexJobReader() {
    }

    static ProviderJobSnapshot snapshot(JsonNode job, String eventCursor) {
        String raw = JsonFields.text(job.path("state"));
        String model = JsonFields.text(job.path("tunedModel").path("model"));
        ProviderJobState state = VertexStatus.of(raw, model != null);
        Set<String> delivered = new LinkedHashSet<>();
        if (eventCursor != null && !eventCursor.isBlank()) {
            delivered.addAll(Arrays.asList(eventCursor.split(",")));
        }
        List<Event> events = new ArrayList<>();
        for (Event event : derivedEvents(job, raw)) {
            if (delivered.add(event.id())) {
                events.add(event);
            }
        }
        ProviderJobSnapshot.Error error = state == ProviderJobState.FAILED ? error(job, raw) : null;
        return new ProviderJobSnapshot(state, raw == null ? "JOB_STATE_UNSPECIFIED" : raw, events,
                String.join(",", delivered), List.of(), trainedTokens(job, state),
                state == ProviderJobState.SUCCEEDED ? model : null, error, progress(job, state));
    }

    private static List<Event> derivedEvents(JsonNode job, String raw) {
        List<Event> events = new ArrayList<>();
        Instant updated = JsonFields.instant(job.path("updateTime"));
        if (raw != null) {
            Instant at = switch (raw) {
                case "JOB_STATE_QUEUED", "JOB_STATE_PENDING" -> JsonFields.instant(job.path("createTime"));
                case "JOB_STATE_RUNNING" -> JsonFields.instant(job.path("startTime"));
                case "JOB_STATE_SUCCEEDED", "JOB_STATE_FAILED", "JOB_STATE_CANCELLED", "JOB_STATE_EXPIRED",
                     "JOB_STATE_PARTIALLY_SUCCEEDED" -> JsonFields.instant(job.path("endTime"));
                default -> null;
            };
            String level = raw.equals("JOB_STATE_FAILED") || raw.equals("JOB_STATE_EXPIRED") ? "error" : "info";
            events.add(new Event("state:" + raw, at != null ? at : updated, level,
                    "Vertex AI job " + words(raw, "JOB_STATE_")));
        }
        String stage = JsonFields.text(job.path("tuningJobState"));
        if (stage != null && !stage.endsWith("_UNSPECIFIED")) {
            events.add(new Event("stage:" + stage, updated, "info", "Tuning stage: " + words(stage, "TUNING_JOB_STATE_")));
        }
        JsonNode checkpoints = job.path("tunedModel").path("checkpoints");
        if (checkpoints.isArray()) {
            for (JsonNode checkpoint : checkpoints) {
                String id = JsonFields.text(checkpoint.path("checkpointId"));
                if (id == null) {
                    continue;
                }
                Long epoch = JsonFields.whole(checkpoint.path("epoch"));
                Long step = JsonFields.whole(checkpoint.path("step"));
                events.add(new Event("checkpoint:" + id.replace(",", "_"), updated, "info", "Checkpoint " + id
                        + " saved" + (epoch != null ? " at epoch " + epoch : "")
                        + (step != null ? (epoch != null ? ", step " : " at step ") + step : "")));
            }
        }
        JsonNode error = job.path("error");
        String message = JsonFields.text(error.path("message"));
        if (message != null) {
            events.add(new Event("error:" + code(error), updated, "error", shorten(message)));
        }
        return events;
    }

    private static ProviderJobSnapshot.Error error(JsonNode job, String raw) {
        JsonNode error = job.path("error");
        String message = JsonFields.text(error.path("message"));
        if (message != null) {
            return new ProviderJobSnapshot.Error(code(error), shorten(message));
        }
        if ("JOB_STATE_EXPIRED".equals(raw)) {
            return new ProviderJobSnapshot.Error("expired", "Vertex AI let the tuning job expire");
        }
        return new ProviderJobSnapshot.Error("failed", "Vertex AI reports " + raw + " without an error");
    }

    /** The canonical name of a {@code google.rpc.Status} code ({@code 3} is {@code INVALID_ARGUMENT}). */
    private static String code(JsonNode error) {
        Long code = JsonFields.whole(error.path("code"));
        if (code == null) {
            return "failed";
        }
        return RPC_CODES.getOrDefault(code.intValue(), "code_" + code);
    }

    /**
     * Billable tokens per epoch ({@code totalBillableTokenCount}) times epochs: all epochs once the job succeeded,
     * the completed ones before. That Google bills exactly this product is not verified (reference §4.6).
     */
    private static Long trainedTokens(JsonNode job, ProviderJobState state) {
        Long perEpoch = JsonFields.whole(job.path("tuningDataStats").path("supervisedTuningDataStats")
                .path("totalBillableTokenCount"));
        if (perEpoch == null) {
            return null;
        }
        Long epochs = state == ProviderJobState.SUCCEEDED ? epochCount(job)
                : JsonFields.whole(job.path("tuningJobMetadata").path("completedEpochCount"));
        return epochs == null ? null : perEpoch * epochs;
    }

    private static Double progress(JsonNode job, ProviderJobState state) {
        if (state == ProviderJobState.SUCCEEDED) {
            return 1.0;
        }
        JsonNode metadata = job.path("tuningJobMetadata");
        Long steps = JsonFields.whole(metadata.path("completedStepCount"));
        Long totalSteps = JsonFields.whole(job.path("tuningDataStats").path("supervisedTuningDataStats")
                .path("tuningStepCount"));
        if (steps != null && totalSteps != null && totalSteps > 0) {
            return Math.min(1.0, steps / (double) totalSteps);
        }
        Long epochs = JsonFields.whole(metadata.path("completedEpochCount"));
        Long totalEpochs = epochCount(job);
        if (epochs != null && totalEpochs != null && totalEpochs > 0) {
            return Math.min(1.0, epochs / (double) totalEpochs);
        }
        return null;
    }

    private static Long epochCount(JsonNode job) {
        return JsonFields.whole(job.path("supervisedTuningSpec").path("hyperParameters").path("epochCount"));
    }

    /** {@code JOB_STATE_WAITING_FOR_QUOTA} → {@code waiting for quota}. */
    private static String words(String value, String prefix) {
        String rest = value.startsWith(prefix) ? value.substring(prefix.length()) : value;
        return rest.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String shorten(String s) {
        return s.length() <= MAX_MESSAGE ? s : s.substring(0, MAX_MESSAGE) + "…";
    }
}
