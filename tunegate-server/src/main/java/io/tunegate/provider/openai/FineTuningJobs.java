package io.tunegate.provider.openai;

import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.ProviderJobStatus;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.http.JsonFields;
import io.tunegate.provider.http.ProviderHttp;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import static io.tunegate.provider.openai.FineTuningEndpoints.encode;

/**
 * The fine-tuning job endpoints OpenAI and Azure OpenAI share: create, read a job with its events, metric
 * points and (once it succeeded) checkpoints, cancel, and search the job list. Only the URLs and the create
 * body differ between the two, and those stay in each adapter.
 */
public final class FineTuningJobs {

    static final int LIST_PAGE = 100;
    static final int CHECKPOINT_PAGE = 100;

    private final ProviderHttp http;
    private final FineTuningEndpoints endpoints;

    public FineTuningJobs(ProviderHttp http, FineTuningEndpoints endpoints) {
        this.http = http;
        this.endpoints = endpoints;
    }

    public SubmittedJob create(Object body) {
        return submitted(http.postJson(endpoints.uri("/fine_tuning/jobs", null), body));
    }

    public void cancel(String jobId) {
        http.post(endpoints.uri(path(jobId) + "/cancel", null));
    }

    /** {@code POST .../pause}: OpenAI answers the job, {@code paused} once it took effect. */
    public ProviderJobStatus pause(String jobId) {
        return status(jobId, http.post(endpoints.uri(path(jobId) + "/pause", null)));
    }

    /** {@code POST .../resume}: answers the job, as {@link #pause}. */
    public ProviderJobStatus resume(String jobId) {
        return status(jobId, http.post(endpoints.uri(path(jobId) + "/resume", null)));
    }

    private ProviderJobStatus status(String jobId, JsonNode job) {
        String raw = JsonFields.text(job, "status");
        if (raw == null) {
            throw new TransientProviderException(http.provider(), http.provider() + " answered about job " + jobId
                    + " without a status");
        }
        return new ProviderJobStatus(FineTuningStatus.of(raw), raw);
    }

    /**
     * The earliest-created job on the first {@code maxPages} pages of the job list (newest first) that
     * {@code matches}, narrowed by {@code filter} (an encoded query such as a metadata filter) where the
     * provider supports one. The predicate is checked either way: a filter the provider ignored finds nothing
     * wrong.
     */
    public Optional<SubmittedJob> find(String filter, Predicate<JsonNode> matches, int maxPages) {
        List<JsonNode> found = new ArrayList<>();
        String after = null;
        for (int page = 0; page < maxPages; page++) {
            String query = "limit=" + LIST_PAGE + (filter == null ? "" : "&" + filter)
                    + (after == null ? "" : "&after=" + encode(after));
            JsonNode answer = http.get(endpoints.uri("/fine_tuning/jobs", query));
            JsonNode data = answer.path("data");
            if (!data.isArray() || data.isEmpty()) {
                break;
            }
            data.forEach(job -> {
                if (JsonFields.text(job, "id") != null && matches.test(job)) {
                    found.add(job);
                }
            });
            after = JsonFields.text(data.get(data.size() - 1), "id");
            if (!answer.path("has_more").asBoolean(false) || after == null) {
                break;
            }
        }
        // two matches would mean a duplicate was created after all: the first one is the job
        return found.stream().min(Comparator.comparing(job -> Optional.ofNullable(JsonFields.seconds(job, "created_at"))
                .orElse(Instant.MAX))).map(this::submitted);
    }

    public ProviderJobSnapshot fetch(String jobId, String eventCursor) {
        JsonNode job = http.get(endpoints.uri(path(jobId), null));
        String raw = JsonFields.text(job, "status");
        if (raw == null) {
            throw new TransientProviderException(http.provider(), http.provider() + " answered about job " + jobId
                    + " without a status");
        }
        ProviderJobState state = FineTuningStatus.of(raw);
        Long epochs = JsonFields.whole(resolvedHyperparameters(job), "n_epochs");
        FineTuningEvents.Read read = FineTuningEvents.read(eventCursor, epochs == null ? null : epochs.intValue(),
                after -> http.get(endpoints.uri(path(jobId) + "/events", "limit=" + FineTuningEvents.PAGE_SIZE
                        + (after == null ? "" : "&after=" + encode(after)))));
        List<ProviderJobSnapshot.Event> events = new ArrayList<>(read.events());
        List<ProviderJobSnapshot.MetricPoint> metrics = new ArrayList<>(read.metrics());
        if (state == ProviderJobState.SUCCEEDED) {
            // read once, on the poll that sees the end: the checkpoints' model ids can be deployed, and their
            // metrics include the full-validation loss that step events do not carry
            checkpoints(jobId, events, metrics, epochs);
        }
        Double progress = state == ProviderJobState.SUCCEEDED ? Double.valueOf(1.0) : read.progress();
        return new ProviderJobSnapshot(state, raw, events, read.nextCursor(), metrics,
                JsonFields.whole(job, "trained_tokens"), JsonFields.text(job, "fine_tuned_model"),
                state == ProviderJobState.FAILED ? error(job) : null, progress);
    }

    private void checkpoints(String jobId, List<ProviderJobSnapshot.Event> events,
                             List<ProviderJobSnapshot.MetricPoint> metrics, Long epochs) {
        JsonNode answer = http.get(endpoints.uri(path(jobId) + "/checkpoints", "limit=" + CHECKPOINT_PAGE));
        List<JsonNode> list = new ArrayList<>();
        answer.path("data").forEach(list::add);
        list.sort(Comparator.comparing(c -> Optional.ofNullable(JsonFields.whole(c, "step_number")).orElse(0L)));
        for (JsonNode checkpoint : list) {
            String id = JsonFields.text(checkpoint, "id");
            String model = JsonFields.text(checkpoint, "fine_tuned_model_checkpoint");
            Long step = JsonFields.whole(checkpoint, "step_number");
            if (id == null || model == null) {
                continue;
            }
            StringBuilder message = new StringBuilder("Checkpoint " + model + (step == null ? "" : " at step " + step));
            JsonNode values = checkpoint.path("metrics");
            if (values.isObject() && !values.isEmpty()) {
                List<String> parts = new ArrayList<>();
                values.properties().forEach(m -> {
                    if (m.getValue().isNumber() && !"step".equals(m.getKey())) {
                        parts.add(m.getKey() + "=" + m.getValue().asDouble());
                    }
                });
                if (!parts.isEmpty()) {
                    message.append(": ").append(String.join(", ", parts));
                }
                if (step != null && JsonFields.whole(values, "step") == null) {
                    values = values.deepCopy();
                    ((tools.jackson.databind.node.ObjectNode) values).put("step", step);
                }
                ProviderJobSnapshot.MetricPoint point = FineTuningEvents.point(values,
                        epochs == null ? null : epochs.intValue());
                if (point != null) {
                    metrics.add(point); // the gateway keeps the first point of a step: this only fills gaps
                }
            }
            events.add(new ProviderJobSnapshot.Event("checkpoint:" + id, JsonFields.seconds(checkpoint, "created_at"),
                    "info", message.toString()));
        }
    }

    private SubmittedJob submitted(JsonNode job) {
        String id = JsonFields.text(job, "id");
        if (id == null) {
            throw new TransientProviderException(http.provider(), http.provider() + " answered without a job id");
        }
        String raw = JsonFields.text(job, "status");
        return new SubmittedJob(id, raw == null ? ProviderJobState.QUEUED : FineTuningStatus.of(raw), raw);
    }

    private static JsonNode resolvedHyperparameters(JsonNode job) {
        JsonNode method = job.path("method");
        String type = JsonFields.text(method, "type");
        JsonNode inMethod = type == null ? null : method.path(type).get("hyperparameters");
        return inMethod != null && inMethod.isObject() ? inMethod : job.path("hyperparameters");
    }

    private static ProviderJobSnapshot.Error error(JsonNode job) {
        JsonNode error = job.path("error");
        String code = JsonFields.text(error, "code");
        String message = JsonFields.text(error, "message");
        String param = JsonFields.text(error, "param");
        if (message == null) {
            return new ProviderJobSnapshot.Error(code == null ? "provider_failed" : code,
                    "The job failed without a reason from the provider");
        }
        return new ProviderJobSnapshot.Error(code == null ? "provider_failed" : code,
                param == null ? message : message + " (" + param + ")");
    }

    private static String path(String jobId) {
        return "/fine_tuning/jobs/" + encode(jobId);
    }
}
