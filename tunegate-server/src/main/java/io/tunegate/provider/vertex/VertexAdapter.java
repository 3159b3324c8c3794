package io.tunegate.provider.vertex;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.dataset.ExportedDataset;
import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderCapabilities;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.http.JsonFields;
import io.tunegate.provider.http.ProviderHttp;
import io.tunegate.provider.http.RequestAuth;
import io.tunegate.provider.http.Sha256;
import io.tunegate.provider.resilience.ProviderPolicy;
import io.tunegate.provider.staging.Staging;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.FileNotFoundException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Google Vertex AI supervised tuning of Gemini models: training files written to Cloud Storage (content-addressed
 * objects {@code gs://<bucket>/tunegate/<sha256>.jsonl}), jobs on {@code …/tuningJobs}, OAuth2 tokens from a
 * service account. Vertex has no idempotency key: each job carries the label {@code tunegate_job_id} and is found
 * again by listing with a label filter.
 */
public final class VertexAdapter implements ProviderAdapter {

    public static final String ID = "vertex";
    static final String LABEL = "tunegate_job_id";
    static final int PAGE_SIZE = 50;
    /** Listing bound when looking for a job after a crash: the label filter should leave one page at most. */
    static final int MAX_PAGES = 5;
    private static final Pattern JOB_NAME = Pattern.compile("projects/[^/?#]+/locations/[^/?#]+/tuningJobs/[^/?#:]+");
    private static final Pattern LABEL_VALUE = Pattern.compile("[a-z0-9_-]{1,63}");

    private final VertexSettings settings;
    private final DatasetExports exports;
    private final ProviderPolicy policy;
    private final RequestAuth auth;
    private final ProviderHttp http;
    private final String api;
    private final String storage;

    VertexAdapter(VertexSettings settings, RequestAuth auth, DatasetExports exports, ProviderPolicy policy,
                  Clock clock) {
        this.settings = settings;
        this.exports = exports;
        this.policy = policy;
        this.auth = auth;
        this.http = new ProviderHttp(ID, ProviderHttp.client(policy.requestTimeout()), auth, policy.requestTimeout(),
                clock);
        this.api = trim(settings.apiBase()) + "/" + settings.apiVersion();
        this.storage = trim(settings.storageBaseUrl());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(settings.pollInterval());
    }

    @Override
    public void validateOptions(Map<String, Object> options) {
        VertexOptions.read(options);
    }

    /** Writes the translated file to the staging bucket once per content; a file already there is reused. */
    @Override
    public String stage(StageRequest request) {
        try (ExportedDataset data = Staging.export(exports, ID, request)) {
            String object = "tunegate/" + data.sha256() + ".jsonl";
            String bucket = settings.stagingBucket();
            if (!alreadyStored(bucket, object, data.bytes())) {
                http.upload("POST", URI.create(storage + "/upload/storage/v1/b/" + segment(bucket)
                                + "/o?uploadType=media&name=" + query(object)), "application/jsonl",
                        BodyPublishers.ofFile(data.file()), auth, policy.uploadTimeout());
            }
            return "gs://" + bucket + "/" + object;
        } catch (FileNotFoundException e) {
            throw new TransientProviderException(ID, "The exported dataset vanished before its upload", null, e);
        }
    }

    private boolean alreadyStored(String bucket, String object, long bytes) {
        URI uri = URI.create(storage + "/storage/v1/b/" + segment(bucket) + "/o/" + segment(object));
        HttpResponse<String> response = http.exchange("GET", uri, null, BodyPublishers.noBody(), null,
                policy.requestTimeout());
        if (response.statusCode() == 404) {
            return false;
        }
        JsonNode existing = http.parse("GET", uri, http.checked(response));
        // same name means same content, unless an earlier upload was cut short
        return Long.valueOf(bytes).equals(JsonFields.whole(existing.path("size")));
    }

    @Override
    public SubmittedJob submit(SubmitRequest request) {
        VertexOptions options = VertexOptions.read(request.options());
        ObjectNode body = http.json().createObjectNode();
        body.put("baseModel", request.providerModel());
        ObjectNode spec = body.putObject("supervisedTuningSpec");
        spec.put("trainingDatasetUri", request.trainingData());
        if (request.validationData() != null) {
            spec.put("validationDatasetUri", request.validationData());
        }
        spec.set("hyperParameters", hyperparameters(request.hyperparameters(), options));
        if (options.exportLastCheckpointOnly() != null) {
            spec.put("exportLastCheckpointOnly", options.exportLastCheckpointOnly());
        }
        body.put("tunedModelDisplayName", displayName(options, request));
        body.put("description", "Tunegate job " + request.idempotencyKey());
        body.putObject("labels").put(LABEL, label(request.idempotencyKey()));
        JsonNode job = http.postJson(jobs(), body);
        return submitted(job, "POST …/tuningJobs");
    }

    /** Epochs and the learning-rate multiplier; Gemini tuning takes no batch size or absolute learning rate. */
    private ObjectNode hyperparameters(Hyperparameters hp, VertexOptions options) {
        Hyperparameters h = hp == null ? Hyperparameters.AUTO : hp;
        if (h.batchSize() != null) {
            throw unsupported("batch_size", "Vertex AI Gemini tuning takes no batch size");
        }
        if (h.learningRate() != null) {
            throw unsupported("learning_rate",
                    "Vertex AI Gemini tuning takes a learning_rate_multiplier, not an absolute learning rate");
        }
        ObjectNode out = http.json().createObjectNode();
        if (h.nEpochs() != null) {
            out.put("epochCount", h.nEpochs());
        }
        if (h.learningRateMultiplier() != null) {
            out.put("learningRateMultiplier", h.learningRateMultiplier());
        }
        if (options.adapterSize() != null) {
            out.put("adapterSize", options.adapterSize());
        }
        return out;
    }

    private static PermanentProviderException unsupported(String field, String why) {
        return PermanentProviderException.unsupportedHyperparameter(ID, why + " (" + field + ")");
    }

    private static String displayName(VertexOptions options, SubmitRequest request) {
        String name = options.tunedModelDisplayName() != null ? options.tunedModelDisplayName()
                : request.jobName() != null && !request.jobName().isBlank() ? request.jobName()
                : "tunegate-" + request.idempotencyKey();
        return name.length() <= VertexOptions.MAX_DISPLAY_NAME ? name
                : name.substring(0, VertexOptions.MAX_DISPLAY_NAME);
    }

    /**
     * The key as a label value (lower case, at most 63 of {@code [a-z0-9_-]}): a gateway job id (a UUID) fits as
     * it is; anything else becomes its SHA-256 cut to 63 hex digits.
     */
    static String label(String key) {
        String lower = key.toLowerCase(java.util.Locale.ROOT);
        if (LABEL_VALUE.matcher(lower).matches()) {
            return lower;
        }
        return Sha256.hex(key, 63);
    }

    @Override
    public Optional<SubmittedJob> findSubmitted(String idempotencyKey) {
        String label = label(idempotencyKey);
        String filter = query("labels." + LABEL + "=\"" + label + "\"");
        String pageToken = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode list = http.get(URI.create(jobs() + "?filter=" + filter + "&pageSize=" + PAGE_SIZE
                    + (pageToken == null ? "" : "&pageToken=" + query(pageToken))));
            JsonNode jobs = list.path("tuningJobs");
            if (!jobs.isMissingNode() && !jobs.isArray()) {
                throw new TransientProviderException(ID, "Vertex AI listed tuning jobs without a tuningJobs array");
            }
            // an empty page omits tuningJobs; the filter is matched here too, in case it was loosely applied
            for (JsonNode job : jobs) {
                if (label.equals(JsonFields.text(job.path("labels").path(LABEL)))) {
                    return Optional.of(submitted(job, "GET …/tuningJobs"));
                }
            }
            pageToken = JsonFields.text(list.path("nextPageToken"));
            if (pageToken == null) {
                break;
            }
        }
        return Optional.empty();
    }

    @Override
    public ProviderJobSnapshot fetch(String providerJobId, String eventCursor) {
        JsonNode job = http.get(URI.create(api + "/" + jobName(providerJobId)));
        if (!job.isObject() || JsonFields.text(job.path("state")) == null) {
            throw new TransientProviderException(ID, "Vertex AI answered GET " + providerJobId + " without a state");
        }
        return VertexJobReader.snapshot(job, eventCursor);
    }

    @Override
    public void cancel(String providerJobId) {
        http.post(URI.create(api + "/" + jobName(providerJobId) + ":cancel"));
    }

    private SubmittedJob submitted(JsonNode job, String call) {
        String name = JsonFields.text(job.path("name"));
        if (name == null) {
            // a 2xx without the job's name is a bad answer, not a refusal: worth asking again
            throw new TransientProviderException(ID, "Vertex AI answered " + call + " without the job's name");
        }
        String state = JsonFields.text(job.path("state"));
        return new SubmittedJob(name,
                VertexStatus.of(state, JsonFields.text(job.path("tunedModel").path("model")) != null),
                state == null ? "JOB_STATE_UNSPECIFIED" : state);
    }

    /** The job's resource name, used as a path as it is: nothing else may ride along in it. */
    private static String jobName(String providerJobId) {
        if (providerJobId == null || !JOB_NAME.matcher(providerJobId).matches()) {
            throw new PermanentProviderException(ID, "invalid_job_id",
                    "not a Vertex AI tuning job name: " + providerJobId);
        }
        return providerJobId;
    }

    private URI jobs() {
        return URI.create(api + "/projects/" + segment(settings.project()) + "/locations/"
                + segment(settings.location()) + "/tuningJobs");
    }

    private static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** One path segment: a {@code /} inside it is encoded too (Cloud Storage object names). */
    private static String segment(String value) {
        return query(value);
    }

    private static String trim(URI uri) {
        return uri.toString().replaceAll("/+$", "");
    }
}
