package io.tunegate.provider.bedrock;

import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobSnapshot.Event;
import io.tunegate.provider.ProviderJobSnapshot.MetricPoint;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.http.JsonFields;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a {@code GetModelCustomizationJob} answer. Bedrock has no events endpoint: events are derived from the
 * job status and its three stage details (validation, data processing, training), one per status a stage or the
 * job reaches, with stable ids such as {@code training:InProgress}. The cursor is the set of ids already
 * reported (at most 3 stages x 6 statuses + 5 job statuses, so it stays short).
 */
final class BedrockJobs {

    private static final List<String[]> STAGES = List.of(
            new String[] {"validationDetails", "validation", "Validation"},
            new String[] {"dataProcessingDetails", "data_processing", "Data processing"},
            new String[] {"trainingDetails", "training", "Training"});

    private BedrockJobs() {
    }

    static ProviderJobState state(String status) {
        if (status == null) {
            return ProviderJobState.RUNNING;
        }
        return switch (status) {
            case "Completed" -> ProviderJobState.SUCCEEDED;
            case "Failed" -> ProviderJobState.FAILED;
            case "Stopped" -> ProviderJobState.CANCELLED;
            // Stopping: still running until Bedrock says Stopped; InProgress and statuses added later: running
            default -> ProviderJobState.RUNNING;
        };
    }

    static ProviderJobSnapshot snapshot(JsonNode job, String cursor) {
        String status = JsonFields.text(job.path("status"));
        ProviderJobState state = state(status);
        Set<String> seen = cursor == null || cursor.isBlank() ? new TreeSet<>()
                : new TreeSet<>(Arrays.asList(cursor.split(",")));
        List<Event> events = new ArrayList<>();
        for (Event event : derivedEvents(job, status)) {
            if (seen.add(event.id())) {
                events.add(event);
            }
        }
        String fineTuned = state == ProviderJobState.SUCCEEDED
                ? JsonFields.firstText(job.path("outputModelArn"), job.path("outputModelName")) : null;
        ProviderJobSnapshot.Error error = state == ProviderJobState.FAILED
                ? new ProviderJobSnapshot.Error(failureCode(job), failureMessage(job)) : null;
        // Bedrock reports no trained-token count: null, and the cost stays the estimate
        return new ProviderJobSnapshot(state, status == null ? "unknown" : status, events,
                String.join(",", seen), metrics(job), null, fineTuned, error, null);
    }

    private static List<Event> derivedEvents(JsonNode job, String status) {
        List<Event> events = new ArrayList<>();
        JsonNode details = job.path("statusDetails");
        for (String[] stage : STAGES) {
            JsonNode detail = details.path(stage[0]);
            String stageStatus = JsonFields.text(detail.path("status"));
            if (stageStatus == null || stageStatus.equals("NotStarted")) {
                continue;
            }
            Instant at = "InProgress".equals(stageStatus)
                    ? JsonFields.instant(detail.path("creationTime"), detail.path("lastModifiedTime"))
                    : JsonFields.instant(detail.path("lastModifiedTime"), detail.path("creationTime"));
            events.add(new Event(stage[1] + ":" + stageStatus, at, "Failed".equals(stageStatus) ? "error" : "info",
                    stage[2] + " " + describe(stageStatus)));
        }
        if (status != null) {
            Instant at = "InProgress".equals(status) ? JsonFields.instant(job.path("creationTime"))
                    : JsonFields.instant(job.path("endTime"), job.path("lastModifiedTime"), job.path("creationTime"));
            String message = "Job " + describe(status);
            if ("Failed".equals(status)) {
                message += ": " + failureMessage(job);
            } else if ("Completed".equals(status)) {
                String model = JsonFields.firstText(job.path("outputModelArn"), job.path("outputModelName"));
                message += model == null ? "" : "; custom model " + model;
            }
            events.add(new Event("status:" + status, at, "Failed".equals(status) ? "error" : "info", message));
        }
        return events;
    }

    /**
     * One point from the job-level losses. Bedrock reports no step with them (step-wise figures are only in the
     * output bucket's CSV), so the point is step 0; the gateway keeps the first point per step.
     */
    private static List<MetricPoint> metrics(JsonNode job) {
        Double train = JsonFields.number(job.path("trainingMetrics").path("trainingLoss"));
        Double valid = null;
        JsonNode validation = job.path("validationMetrics");
        if (validation.isArray() && !validation.isEmpty()) {
            valid = JsonFields.number(validation.get(validation.size() - 1).path("validationLoss"));
        }
        if (train == null && valid == null) {
            return List.of();
        }
        return List.of(new MetricPoint(0, null, train, valid, Map.of()));
    }

    private static String failureCode(JsonNode job) {
        JsonNode details = job.path("statusDetails");
        for (String[] stage : STAGES) {
            if ("Failed".equals(JsonFields.text(details.path(stage[0]).path("status")))) {
                return stage[1] + "_failed";
            }
        }
        return "job_failed";
    }

    private static String failureMessage(JsonNode job) {
        String message = JsonFields.text(job.path("failureMessage"));
        return message != null ? message : "Bedrock reported the job as Failed without a message";
    }

    private static String describe(String status) {
        return switch (status) {
            case "InProgress" -> "in progress";
            case "Completed" -> "completed";
            case "Failed" -> "failed";
            case "Stopping" -> "stopping";
            case "Stopped" -> "stopped";
            default -> "status " + status;
        };
    }
}
