package io.tunegate.provider.mistral;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.dataset.ExportedDataset;
import io.tunegate.platform.web.ApiException;
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
import io.tunegate.provider.http.Multipart;
import io.tunegate.provider.http.ProviderHttp;
import io.tunegate.provider.http.RequestAuth;
import io.tunegate.provider.resilience.ProviderPolicy;
import io.tunegate.provider.staging.Staging;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Mistral AI fine-tuning (La Plateforme): files uploaded to {@code /v1/files}, jobs on {@code /v1/fine_tuning/jobs}
 * with {@code auto_start}, followed through the job's own events and checkpoints. Mistral has no idempotency key:
 * each job is tagged with a {@link MistralTag} suffix and found again by listing.
 */
public final class MistralAdapter implements ProviderAdapter {

    public static final String ID = "mistral";
    static final int PAGE_SIZE = 100;
    /** Listing bound when looking for a job after a crash: the tag filter should leave one page at most. */
    static final int MAX_PAGES = 5;

    private final MistralSettings settings;
    private final DatasetExports exports;
    private final ProviderPolicy policy;
    private final RequestAuth auth;
    private final ProviderHttp http;
    private final String base;

    public MistralAdapter(MistralSettings settings, DatasetExports exports, ProviderPolicy policy, Clock clock) {
        this.settings = settings;
        this.exports = exports;
        this.policy = policy;
        this.auth = RequestAuth.bearer(settings.apiKey());
        this.http = new ProviderHttp(ID, ProviderHttp.client(policy.requestTimeout()), auth, policy.requestTimeout(),
                clock);
        this.base = settings.baseUrl().toString().replaceAll("/+$", "");
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
        MistralOptions read = MistralOptions.read(options);
        if (read.wandb() != null && !hasWandbKey()) {
            throw ApiException.invalid("provider_options.mistral.wandb", "this gateway has no Weights & Biases key "
                    + "(tunegate.providers.mistral.wandb-api-key)");
        }
    }

    @Override
    public String stage(StageRequest request) {
        try (ExportedDataset data = Staging.export(exports, ID, request)) {
            Multipart form = new Multipart()
                    .field("purpose", "fine-tune")
                    .file("file", "tunegate-" + data.sha256().substring(0, 16) + "-" + request.role().label()
                            + ".jsonl", "application/octet-stream", data.file());
            JsonNode file = http.upload("POST", uri("/v1/files"), form.contentType(), form.publisher(), auth,
                    policy.uploadTimeout());
            return required(file, "id", "POST /v1/files");
        }
    }

    @Override
    public SubmittedJob submit(SubmitRequest request) {
        MistralOptions options = MistralOptions.read(request.options());
        ObjectNode body = http.json().createObjectNode();
        body.put("model", request.providerModel());
        body.set("hyperparameters", hyperparameters(request.hyperparameters(), options));
        ArrayNode training = body.putArray("training_files");
        training.addObject().put("file_id", request.trainingData()).put("weight", 1);
        if (request.validationData() != null) {
            body.putArray("validation_files").add(request.validationData());
        }
        body.put("suffix", MistralTag.of(request.idempotencyKey()));
        body.put("auto_start", true);
        if (options.invalidSampleSkipPercentage() != null) {
            body.put("invalid_sample_skip_percentage", options.invalidSampleSkipPercentage());
        }
        if (options.wandb() != null) {
            if (!hasWandbKey()) {
                throw new PermanentProviderException(ID, "unsupported_option",
                        "a Weights & Biases run was asked for, but this gateway has no W&B key configured");
            }
            ObjectNode wandb = body.putArray("integrations").addObject();
            wandb.put("type", "wandb").put("project", options.wandb().project()).put("api_key", settings.wandbApiKey());
            putIfSet(wandb, "name", options.wandb().name());
            putIfSet(wandb, "run_name", options.wandb().runName());
        }
        JsonNode job = http.postJson(uri("/v1/fine_tuning/jobs"), body);
        return submitted(job, "POST /v1/fine_tuning/jobs");
    }

    /** Epochs and learning rate from Tunegate's fields, the rest from the options; batch size has no equivalent. */
    private ObjectNode hyperparameters(Hyperparameters hp, MistralOptions options) {
        Hyperparameters h = hp == null ? Hyperparameters.AUTO : hp;
        if (h.batchSize() != null) {
            throw unsupported("batch_size", "Mistral's fine-tuning API takes no batch size");
        }
        if (h.learningRateMultiplier() != null) {
            throw unsupported("learning_rate_multiplier", "Mistral takes an absolute learning_rate, not a multiplier");
        }
        ObjectNode out = http.json().createObjectNode();
        if (h.nEpochs() != null) {
            out.put("epochs", h.nEpochs());
        }
        if (h.learningRate() != null) {
            out.put("learning_rate", h.learningRate());
        }
        if (options.trainingSteps() != null) {
            out.put("training_steps", options.trainingSteps());
        }
        if (options.warmupFraction() != null) {
            out.put("warmup_fraction", options.warmupFraction());
        }
        if (options.weightDecay() != null) {
            out.put("weight_decay", options.weightDecay());
        }
        if (options.seqLen() != null) {
            out.put("seq_len", options.seqLen());
        }
        if (options.fimRatio() != null) {
            out.put("fim_ratio", options.fimRatio());
        }
        return out;
    }

    private static PermanentProviderException unsupported(String field, String why) {
        return PermanentProviderException.unsupportedHyperparameter(ID, why + " (" + field + ")");
    }

    @Override
    public Optional<SubmittedJob> findSubmitted(String idempotencyKey) {
        String tag = MistralTag.of(idempotencyKey);
        List<JsonNode> matches = new ArrayList<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonNode list = http.get(uri("/v1/fine_tuning/jobs?page=" + page + "&page_size=" + PAGE_SIZE
                    + "&suffix=" + URLEncoder.encode(tag, StandardCharsets.UTF_8)));
            JsonNode data = list.path("data");
            if (!data.isArray()) {
                throw new TransientProviderException(ID, "Mistral listed jobs without a data array");
            }
            // the filter's exact semantics are not documented: match the suffix here as well
            data.forEach(job -> {
                if (tag.equals(JsonFields.text(job.path("suffix")))) {
                    matches.add(job);
                }
            });
            long total = list.path("total").asLong(-1);
            if (data.size() < PAGE_SIZE || total >= 0 && (long) (page + 1) * PAGE_SIZE >= total) {
                break;
            }
        }
        return matches.stream()
                .min(Comparator.comparingLong(job -> job.path("created_at").asLong(Long.MAX_VALUE)))
                .map(job -> submitted(job, "GET /v1/fine_tuning/jobs"));
    }

    @Override
    public ProviderJobSnapshot fetch(String providerJobId, String eventCursor) {
        JsonNode job = http.get(jobUri(providerJobId, ""));
        if (!job.isObject() || JsonFields.text(job.path("status")) == null) {
            throw new TransientProviderException(ID, "Mistral answered GET /v1/fine_tuning/jobs/" + providerJobId
                    + " without a job status");
        }
        return MistralJobReader.snapshot(job, eventCursor);
    }

    @Override
    public void cancel(String providerJobId) {
        http.post(jobUri(providerJobId, "/cancel"));
    }

    private SubmittedJob submitted(JsonNode job, String call) {
        String status = JsonFields.text(job.path("status"));
        return new SubmittedJob(required(job, "id", call), MistralStatus.of(status),
                status == null ? "UNKNOWN" : status);
    }

    private static String required(JsonNode node, String field, String call) {
        String value = JsonFields.text(node.path(field));
        if (value == null) {
            // a 2xx without what it must carry is a bad answer, not a refusal: worth asking again
            throw new TransientProviderException(ID, "Mistral answered " + call + " without '" + field + "'");
        }
        return value;
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private boolean hasWandbKey() {
        return settings.wandbApiKey() != null && !settings.wandbApiKey().isBlank();
    }

    private URI jobUri(String providerJobId, String suffix) {
        return uri("/v1/fine_tuning/jobs/" + URLEncoder.encode(providerJobId, StandardCharsets.UTF_8)
                .replace("+", "%20") + suffix);
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }
}
