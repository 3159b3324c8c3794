package io.tunegate.provider.together;

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

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Together AI fine-tuning (reference §5). Data goes up through the files API in three steps (302 to a
 * pre-signed URL, PUT, preprocess) under a name carrying the content's sha256, so staging the same bytes again
 * reuses the processed file. Together has no idempotency: the job's {@code suffix} is the gateway job id, and
 * {@link #findSubmitted} lists the jobs to match it.
 */
public final class TogetherAdapter implements ProviderAdapter {

    public static final String ID = "together";
    /** Together's limit on {@code suffix}. */
    static final int MAX_SUFFIX = 40;
    private static final String PREFERENCE_FORMAT = "together-preference";

    private final TogetherSettings settings;
    private final TogetherApi api;
    private final ProviderHttp http;
    private final DatasetExports exports;

    public TogetherAdapter(TogetherSettings settings, ProviderPolicy policy, DatasetExports exports, Clock clock) {
        this.settings = settings;
        this.exports = exports;
        HttpClient client = ProviderHttp.client(settings.connectTimeout());
        this.http = new ProviderHttp(ID, client, RequestAuth.bearer(settings.apiKey()), policy.requestTimeout(), clock);
        ProviderHttp presigned = new ProviderHttp(ID, client, RequestAuth.NONE, policy.uploadTimeout(), clock);
        this.api = new TogetherApi(settings.baseUrl(), http, presigned, policy);
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
        TogetherOptions.of(options);
    }

    @Override
    public String stage(StageRequest request) {
        try (ExportedDataset export = Staging.export(exports, ID, request)) {
            String name = fileName(export);
            Optional<String> existing = processedFile(name, export.bytes());
            if (existing.isPresent()) {
                return existing.get();
            }
            TogetherApi.UploadTarget target = api.requestUpload(name);
            api.put(target.location(), export.file());
            api.preprocess(target.fileId());
            return target.fileId();
        }
    }

    /** Content-addressed, with the format in it (which {@link #submit} reads to choose SFT or DPO). */
    static String fileName(ExportedDataset export) {
        return "tunegate-" + export.sha256() + "-" + export.format() + ".jsonl";
    }

    /** A file uploaded and preprocessed earlier under this name and size. */
    private Optional<String> processedFile(String name, long bytes) {
        for (JsonNode file : api.files().path("data")) {
            boolean sameBytes = !file.path("bytes").isNumber() || file.path("bytes").asLong() == bytes;
            boolean processed = !file.path("processed").isBoolean() || file.path("processed").asBoolean();
            String id = JsonFields.text(file.path("id"));
            if (name.equals(JsonFields.text(file.path("filename"))) && sameBytes && processed && id != null) {
                return Optional.of(id);
            }
        }
        return Optional.empty();
    }

    @Override
    public SubmittedJob submit(SubmitRequest request) {
        TogetherOptions options;
        try {
            options = TogetherOptions.of(request.options());
        } catch (ApiException e) {
            throw new PermanentProviderException(ID, "invalid_provider_options", e.getMessage(), e);
        }
        boolean dpo = isPreferenceData(request.trainingData());
        if (!dpo && options.wantsDpoSettings()) {
            throw new PermanentProviderException(ID, "invalid_provider_options",
                    "DPO settings (dpo_beta, rpo_alpha, simpo_gamma ...) need preference data; this job trains on "
                            + "conversations (SFT)");
        }
        ObjectNode body = http.json().createObjectNode();
        body.put("training_file", request.trainingData());
        if (request.validationData() != null) {
            body.put("validation_file", request.validationData());
        }
        body.put("model", request.providerModel());
        hyperparameters(request.hyperparameters(), body);
        body.put("suffix", suffix(request.idempotencyKey()));
        options.writeTo(body, dpo);

        JsonNode job = api.createJob(body);
        String id = JsonFields.text(job.path("id"));
        if (id == null) {
            throw new TransientProviderException(ID, "together answered POST /fine-tunes without a job id");
        }
        String status = Optional.ofNullable(JsonFields.text(job.path("status"))).orElse("pending");
        return new SubmittedJob(id, TogetherStatuses.state(status), status);
    }

    private static void hyperparameters(Hyperparameters hp, ObjectNode body) {
        if (hp == null) {
            return;
        }
        if (hp.learningRateMultiplier() != null) {
            throw PermanentProviderException.unsupportedHyperparameter(ID,
                    "together takes an absolute learning_rate, not learning_rate_multiplier");
        }
        if (hp.nEpochs() != null) {
            body.put("n_epochs", hp.nEpochs());
        }
        if (hp.batchSize() != null) {
            body.put("batch_size", hp.batchSize());
        }
        if (hp.learningRate() != null) {
            body.put("learning_rate", hp.learningRate());
        }
    }

    /** Whether the staged file is DPO pairs: its name says which format the adapter uploaded. */
    private boolean isPreferenceData(String fileId) {
        String name = JsonFields.text(api.file(fileId).path("filename"));
        return name != null && name.endsWith("-" + PREFERENCE_FORMAT + ".jsonl");
    }

    /** The gateway job id as Together's {@code suffix} (at most 40 characters, letters, digits, hyphens). */
    static String suffix(String idempotencyKey) {
        String clean = idempotencyKey.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-");
        return clean.length() <= MAX_SUFFIX ? clean : Sha256.hex(idempotencyKey).substring(0, MAX_SUFFIX);
    }

    @Override
    public Optional<SubmittedJob> findSubmitted(String idempotencyKey) {
        String tag = suffix(idempotencyKey);
        JsonNode found = null;
        Instant foundAt = null;
        // Together's list is not paged: one call returns every job of the account
        for (JsonNode job : api.jobs().path("data")) {
            String output = JsonFields.text(job.path("model_output_name"));
            boolean tagged = tag.equals(JsonFields.text(job.path("suffix"))) || output != null && output.contains(tag);
            if (!tagged || JsonFields.text(job.path("id")) == null) {
                continue;
            }
            Instant created = JsonFields.instant(JsonFields.text(job.path("created_at")));
            if (found == null || created != null && (foundAt == null || created.isAfter(foundAt))) {
                found = job;
                foundAt = created;
            }
        }
        if (found == null) {
            return Optional.empty();
        }
        String status = Optional.ofNullable(JsonFields.text(found.path("status"))).orElse("pending");
        return Optional.of(new SubmittedJob(JsonFields.text(found.path("id")), TogetherStatuses.state(status), status));
    }

    @Override
    public ProviderJobSnapshot fetch(String providerJobId, String eventCursor) {
        JsonNode job = api.job(providerJobId);
        String status = JsonFields.text(job.path("status"));
        if (status == null) {
            throw new TransientProviderException(ID, "together answered GET /fine-tunes/" + providerJobId
                    + " without a status");
        }
        List<TogetherEvents.Read> all = TogetherEvents.read(api.events(providerJobId));
        TogetherEvents.Page page = TogetherEvents.after(all, eventCursor);
        ProviderJobState state = TogetherStatuses.state(status);
        ProviderJobSnapshot.Error error = state == ProviderJobState.FAILED ? failure(status, job, all) : null;
        return new ProviderJobSnapshot(state, status, page.events(), page.nextCursor(), List.of(),
                nonNegative(job.path("token_count")), JsonFields.text(job.path("model_output_name")), error,
                progress(job, state));
    }

    /** The last error event's message (Together puts the reason there), else whatever the job says. */
    private static ProviderJobSnapshot.Error failure(String status, JsonNode job, List<TogetherEvents.Read> events) {
        String message = events.reversed().stream().filter(e -> "error".equals(e.level()))
                .map(TogetherEvents.Read::message).findFirst()
                .or(() -> Optional.ofNullable(JsonFields.text(job.path("error"))))
                .or(() -> Optional.ofNullable(JsonFields.text(job.path("error").path("message"))))
                .or(() -> Optional.ofNullable(JsonFields.text(job.path("message"))))
                .orElse("together reported status " + status + " without a reason");
        return new ProviderJobSnapshot.Error(status, message);
    }

    private static Double progress(JsonNode job, ProviderJobState state) {
        if (state == ProviderJobState.SUCCEEDED) {
            return 1.0;
        }
        long total = job.path("total_steps").asLong(0);
        long done = job.path("steps_completed").asLong(-1);
        return total > 0 && done >= 0 ? Math.min(1.0, (double) done / total) : null;
    }

    private static Long nonNegative(JsonNode node) {
        return node.isNumber() && node.asLong() >= 0 ? node.asLong() : null;
    }

    @Override
    public void cancel(String providerJobId) {
        api.cancel(providerJobId);
    }
}
