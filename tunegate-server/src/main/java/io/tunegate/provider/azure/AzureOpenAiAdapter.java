package io.tunegate.provider.azure;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.dataset.ExportedDataset;
import io.tunegate.platform.web.ApiException;
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
import io.tunegate.provider.openai.FineTuningEndpoints;
import io.tunegate.provider.openai.FineTuningFiles;
import io.tunegate.provider.openai.FineTuningHyperparameters;
import io.tunegate.provider.openai.FineTuningJobs;
import io.tunegate.provider.resilience.ProviderPolicy;
import io.tunegate.provider.staging.Staging;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Azure OpenAI fine-tuning, on the GA authoring API ({@code api-version=2024-10-21} by default). The job and
 * event shapes are OpenAI's ({@link FineTuningJobs}); what differs: the {@code api-key} header and
 * {@code api-version} on every call, files validated asynchronously after upload (staging waits until
 * {@code processed}), plain-number hyperparameters at the top level, no {@code method} (so no DPO) and no
 * {@code metadata}: the job is tagged with {@code suffix} = the gateway job id (36 characters, within Azure's
 * 40) and found again by listing jobs and matching it.
 */
public final class AzureOpenAiAdapter implements ProviderAdapter {

    public static final String ID = "azure";
    static final int LIST_PAGES = 5;
    private static final Set<String> FAILED_FILE = Set.of("error", "deleting", "deleted");

    private final AzureSettings settings;
    private final DatasetExports exports;
    private final ProviderHttp http;
    private final FineTuningFiles files;
    private final FineTuningJobs jobs;
    private final Clock clock;

    public AzureOpenAiAdapter(AzureSettings settings, DatasetExports exports, ProviderPolicy policy, Clock clock) {
        this.settings = settings;
        this.exports = exports;
        this.clock = clock;
        RequestAuth auth = RequestAuth.header("api-key", settings.apiKey());
        this.http = new ProviderHttp(ID, ProviderHttp.client(settings.connectTimeout()), auth, policy.requestTimeout(),
                clock);
        FineTuningEndpoints endpoints = FineTuningEndpoints.at(settings.endpoint(), settings.apiVersion());
        this.files = new FineTuningFiles(http, auth, endpoints, policy.uploadTimeout());
        this.jobs = new FineTuningJobs(http, endpoints);
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
        AzureOptions.from(options);
    }

    @Override
    public String stage(StageRequest request) {
        try (ExportedDataset data = Staging.export(exports, ID, request)) {
            if ("openai-preference".equals(data.format())) {
                throw new PermanentProviderException(ID, "unsupported_data", "Azure OpenAI's API version "
                        + settings.apiVersion() + " trains supervised only; preference (DPO) data needs another provider");
            }
            JsonNode file = files.upload(data, "tunegate-" + data.sha256() + "." + data.format() + ".jsonl");
            String fileId = JsonFields.text(file, "id");
            if (fileId == null) {
                throw new TransientProviderException(ID, "Azure OpenAI answered the upload without a file id");
            }
            awaitProcessed(fileId, file);
            return fileId;
        }
    }

    /** Azure checks an uploaded file before a job may use it: wait (bounded) for {@code processed}. */
    private void awaitProcessed(String fileId, JsonNode file) {
        Instant deadline = clock.instant().plus(settings.fileProcessingTimeout());
        while (true) {
            String status = file.path("status").isString() ? file.path("status").asString() : "";
            if ("processed".equals(status)) {
                return;
            }
            if (FAILED_FILE.contains(status)) {
                JsonNode details = file.path("status_details");
                String reason = details.isString() && !details.asString().isBlank() ? details.asString()
                        : "no details given";
                throw new PermanentProviderException(ID, "invalid_file", "Azure OpenAI refused training file "
                        + fileId + " (" + status + "): " + reason);
            }
            if (!clock.instant().isBefore(deadline)) {
                throw new TransientProviderException(ID, "Azure OpenAI was still validating file " + fileId
                        + " (status " + status + ") after " + settings.fileProcessingTimeout().toSeconds() + " s");
            }
            sleep(settings.filePollInterval());
            file = files.get(fileId);
        }
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientProviderException(ID, "Interrupted while waiting for Azure OpenAI to validate a file");
        }
    }

    @Override
    public SubmittedJob submit(SubmitRequest request) {
        AzureOptions options;
        try {
            options = AzureOptions.from(request.options());
        } catch (ApiException e) {
            throw new PermanentProviderException(ID, "invalid_provider_options", e.getMessage());
        }
        ObjectNode body = http.json().createObjectNode();
        body.put("model", request.providerModel());
        body.put("training_file", request.trainingData());
        if (request.validationData() != null) {
            body.put("validation_file", request.validationData());
        }
        ObjectNode hyperparameters = FineTuningHyperparameters.toJson(ID, request.hyperparameters(), http.json());
        if (!hyperparameters.isEmpty()) {
            body.set("hyperparameters", hyperparameters);
        }
        body.put("suffix", request.idempotencyKey());
        if (options.seed() != null) {
            body.put("seed", options.seed());
        }
        return jobs.create(body);
    }

    @Override
    public Optional<SubmittedJob> findSubmitted(String idempotencyKey) {
        return jobs.find(null, job -> tagged(job, idempotencyKey), LIST_PAGES);
    }

    /** The job's {@code suffix}, or (defensively) the fine-tuned model name that embeds it. */
    private static boolean tagged(JsonNode job, String key) {
        JsonNode suffix = job.path("suffix");
        if (suffix.isString()) {
            return key.equals(suffix.asString());
        }
        JsonNode model = job.path("fine_tuned_model");
        return model.isString() && model.asString().contains(key);
    }

    @Override
    public ProviderJobSnapshot fetch(String providerJobId, String eventCursor) {
        return jobs.fetch(providerJobId, eventCursor);
    }

    @Override
    public void cancel(String providerJobId) {
        jobs.cancel(providerJobId);
    }
}
