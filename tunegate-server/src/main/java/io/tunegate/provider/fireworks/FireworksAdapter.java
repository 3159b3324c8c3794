package io.tunegate.provider.fireworks;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.dataset.ExportedDataset;
import io.tunegate.platform.web.ApiException;
import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderCapabilities;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
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

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Fireworks AI supervised fine-tuning (reference §6). Data becomes a dataset whose id is derived from the
 * content's sha256, so staging the same bytes again finds it ready. The job is created under a client-chosen
 * id derived from the gateway job id: that is the idempotency, and {@link #findSubmitted} reads that id.
 * Fireworks has no events endpoint: events are derived from state changes.
 */
public final class FireworksAdapter implements ProviderAdapter {

    public static final String ID = "fireworks";
    /** Fireworks resource ids: lower-case letters, digits and hyphens, at most 63 characters (not verified). */
    static final int MAX_ID = 63;
    private static final String PREFIX = "tunegate-";

    private final FireworksSettings settings;
    private final FireworksApi api;
    private final DatasetExports exports;
    private final ProviderHttp http;

    public FireworksAdapter(FireworksSettings settings, ProviderPolicy policy, DatasetExports exports, Clock clock) {
        this.settings = settings;
        this.exports = exports;
        RequestAuth auth = RequestAuth.bearer(settings.apiKey());
        this.http = new ProviderHttp(ID, ProviderHttp.client(settings.connectTimeout()), auth, policy.requestTimeout(),
                clock);
        this.api = new FireworksApi(settings.baseUrl(), settings.accountId(), http, auth, policy);
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
        FireworksOptions.of(options);
    }

    @Override
    public String stage(StageRequest request) {
        try (ExportedDataset export = Staging.export(exports, ID, request)) {
            String datasetId = datasetId(export.sha256());
            ObjectNode dataset = http.json().createObjectNode();
            dataset.putObject("userUploaded");
            dataset.put("format", "CHAT");
            dataset.put("displayName", export.filename());
            // int64 fields are strings in Google's JSON mapping
            dataset.put("exampleCount", Long.toString(export.written()));
            if (api.createDataset(datasetId, dataset).isEmpty()
                    && "READY".equals(JsonFields.text(api.dataset(datasetId).path("state")))) {
                return api.datasetName(datasetId);
            }
            String filename = export.filename();
            if (export.bytes() <= settings.directUploadMax().toBytes()) {
                api.upload(datasetId, filename, export.file());
            } else {
                api.putSigned(api.uploadEndpoint(datasetId, filename, export.bytes()), export.file(), export.bytes());
                api.validateUpload(datasetId);
            }
            return api.datasetName(datasetId);
        }
    }

    static String datasetId(String sha256) {
        return PREFIX + sha256.toLowerCase(Locale.ROOT).substring(0, 40);
    }

    /**
     * The job id for a gateway job id: {@code tunegate-<uuid>} (45 characters), or a hash when the key would
     * not fit Fireworks' id rules.
     */
    static String jobId(String idempotencyKey) {
        String clean = idempotencyKey.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        String id = PREFIX + clean;
        if (id.length() > MAX_ID || clean.isEmpty() || clean.endsWith("-")) {
            id = PREFIX + Sha256.hex(idempotencyKey).substring(0, 40);
        }
        return id;
    }

    @Override
    public SubmittedJob submit(SubmitRequest request) {
        FireworksOptions options;
        try {
            options = FireworksOptions.of(request.options());
        } catch (ApiException e) {
            throw new PermanentProviderException(ID, "invalid_provider_options", e.getMessage(), e);
        }
        ObjectNode body = http.json().createObjectNode();
        body.put("dataset", request.trainingData());
        body.put("baseModel", request.providerModel());
        String displayName = options.displayName() != null ? options.displayName() : request.jobName();
        if (displayName != null) {
            body.put("displayName", displayName);
        }
        if (request.validationData() != null) {
            body.put("evaluationDataset", request.validationData());
        }
        hyperparameters(request.hyperparameters(), body);
        options.writeTo(body);

        String jobId = jobId(request.idempotencyKey());
        JsonNode job = api.createJob(jobId, body)
                // 409: this gateway job created it before (an answer lost on the way back); adopt it
                .or(() -> api.job(jobId))
                .orElseThrow(() -> new TransientProviderException(ID, "fireworks said job " + jobId
                        + " exists but does not return it"));
        return submitted(job, jobId);
    }

    private static void hyperparameters(Hyperparameters hp, ObjectNode body) {
        if (hp == null) {
            return;
        }
        if (hp.learningRateMultiplier() != null) {
            throw PermanentProviderException.unsupportedHyperparameter(ID,
                    "fireworks takes an absolute learningRate, not learning_rate_multiplier");
        }
        if (hp.nEpochs() != null) {
            body.put("epochs", hp.nEpochs());
        }
        if (hp.batchSize() != null) {
            body.put("batchSizeSamples", hp.batchSize());
        }
        if (hp.learningRate() != null) {
            body.put("learningRate", hp.learningRate());
        }
    }

    private static SubmittedJob submitted(JsonNode job, String fallbackId) {
        String name = JsonFields.text(job.path("name"));
        String id = name == null ? fallbackId : lastSegment(name);
        String state = Optional.ofNullable(JsonFields.text(job.path("state"))).orElse("JOB_STATE_CREATING");
        return new SubmittedJob(id, FireworksStates.state(state), state);
    }

    @Override
    public Optional<SubmittedJob> findSubmitted(String idempotencyKey) {
        String jobId = jobId(idempotencyKey);
        return api.job(jobId).map(job -> submitted(job, jobId));
    }

    @Override
    public ProviderJobSnapshot fetch(String providerJobId, String eventCursor) {
        String jobId = lastSegment(providerJobId);
        Optional<JsonNode> found = api.job(jobId);
        if (found.isEmpty()) {
            // only a deleted job disappears (the DELETE fallback of cancel, or someone at Fireworks)
            return gone(jobId, eventCursor);
        }
        JsonNode job = found.get();
        String state = JsonFields.text(job.path("state"));
        if (state == null) {
            throw new TransientProviderException(ID, "fireworks answered GET supervisedFineTuningJobs/" + jobId
                    + " without a state");
        }
        ProviderJobState normalized = FireworksStates.state(state);
        String statusMessage = JsonFields.text(job.path("status").path("message"));
        String eventId = "state:" + state + (statusMessage == null ? "" : ":" + Sha256.hex(statusMessage, 12));
        List<ProviderJobSnapshot.Event> events = eventId.equals(eventCursor) ? List.of()
                : List.of(new ProviderJobSnapshot.Event(eventId, JsonFields.instant(job.path("updateTime")),
                normalized == ProviderJobState.FAILED ? "error" : "info",
                "Fireworks job " + state + (statusMessage == null ? "" : ": " + statusMessage)));
        ProviderJobSnapshot.Error error = normalized == ProviderJobState.FAILED
                ? new ProviderJobSnapshot.Error(Optional.ofNullable(JsonFields.text(job.path("status").path("code")))
                .filter(c -> !c.equals("OK")).orElse(state),
                statusMessage != null ? statusMessage : "fireworks reported " + state + " without a reason")
                : null;
        String model = normalized == ProviderJobState.SUCCEEDED ? JsonFields.text(job.path("outputModel")) : null;
        return new ProviderJobSnapshot(normalized, state, events, eventId, List.of(), null, model, error,
                progress(job, normalized));
    }

    private static ProviderJobSnapshot gone(String jobId, String eventCursor) {
        String eventId = "state:NOT_FOUND";
        List<ProviderJobSnapshot.Event> events = eventId.equals(eventCursor) ? List.of()
                : List.of(new ProviderJobSnapshot.Event(eventId, null, "info",
                "Fireworks no longer knows job " + jobId + " (deleted)"));
        return new ProviderJobSnapshot(ProviderJobState.CANCELLED, "NOT_FOUND", events, eventId, List.of(), null,
                null, null, null);
    }

    private static Double progress(JsonNode job, ProviderJobState state) {
        if (state == ProviderJobState.SUCCEEDED) {
            return 1.0;
        }
        JsonNode percent = job.path("jobProgress").path("percent");
        return percent.isNumber() ? percent.asDouble() / 100.0 : null;
    }

    @Override
    public void cancel(String providerJobId) {
        api.cancel(lastSegment(providerJobId));
    }

    /** Accepts a job id or its resource name ({@code accounts/a/supervisedFineTuningJobs/<id>}). */
    static String lastSegment(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }
}
