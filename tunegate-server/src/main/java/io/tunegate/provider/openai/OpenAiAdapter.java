package io.tunegate.provider.openai;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.dataset.ExportedDataset;
import io.tunegate.platform.web.ApiException;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderCapabilities;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobStatus;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.http.JsonFields;
import io.tunegate.provider.http.ProviderHttp;
import io.tunegate.provider.http.RequestAuth;
import io.tunegate.provider.resilience.ProviderPolicy;
import io.tunegate.provider.staging.Staging;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static io.tunegate.provider.openai.FineTuningEndpoints.encode;

/**
 * OpenAI fine-tuning. Data goes up as a file named by its content ({@code tunegate-<sha256>.<format>.jsonl});
 * the job is created with {@code method} (supervised, or DPO for preference data) and tagged with
 * {@code metadata.tunegate_job_id}, by which {@link #findSubmitted} finds it again: OpenAI has no idempotency
 * for job creation. Running jobs can be paused and resumed.
 */
public final class OpenAiAdapter implements ProviderAdapter {

    public static final String ID = "openai";
    static final String METADATA_KEY = "tunegate_job_id";
    /** {@code POST /files} takes files up to 512 MB; larger ones go through the Uploads API. */
    static final long SINGLE_UPLOAD_LIMIT = 512L * 1024 * 1024;
    static final long PART_SIZE = 64L * 1024 * 1024;
    /** The Uploads API's ceiling. */
    static final long MAX_FILE = 8L * 1024 * 1024 * 1024;
    static final int LIST_PAGES = 5;
    private static final String PREFERENCE_FORMAT = "openai-preference";
    private static final int REMEMBERED_FILES = 1000;

    private final OpenAiSettings settings;
    private final DatasetExports exports;
    private final ProviderHttp http;
    private final FineTuningFiles files;
    private final FineTuningJobs jobs;
    private final long singleUploadLimit;
    private final long partSize;
    /** Format of each file staged by this process, so submission needs no extra call to pick the method. */
    private final Map<String, String> formats = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > REMEMBERED_FILES;
        }
    });

    public OpenAiAdapter(OpenAiSettings settings, DatasetExports exports, ProviderPolicy policy, Clock clock) {
        this(settings, exports, policy, clock, SINGLE_UPLOAD_LIMIT, PART_SIZE);
    }

    /** With other upload sizes, so tests can take the Uploads API with a small file. */
    OpenAiAdapter(OpenAiSettings settings, DatasetExports exports, ProviderPolicy policy, Clock clock,
                  long singleUploadLimit, long partSize) {
        this.settings = settings;
        this.exports = exports;
        this.singleUploadLimit = singleUploadLimit;
        this.partSize = partSize;
        RequestAuth auth = auth(settings);
        this.http = new ProviderHttp(ID, ProviderHttp.client(settings.connectTimeout()), auth,
                policy.requestTimeout(), clock);
        FineTuningEndpoints endpoints = FineTuningEndpoints.at(settings.baseUrl());
        this.files = new FineTuningFiles(http, auth, endpoints, policy.uploadTimeout());
        this.jobs = new FineTuningJobs(http, endpoints);
    }

    private static RequestAuth auth(OpenAiSettings settings) {
        RequestAuth bearer = RequestAuth.bearer(settings.apiKey());
        return (request, method, uri, contentType, body) -> {
            bearer.apply(request, method, uri, contentType, body);
            if (settings.organization() != null && !settings.organization().isBlank()) {
                request.header("OpenAI-Organization", settings.organization());
            }
            if (settings.project() != null && !settings.project().isBlank()) {
                request.header("OpenAI-Project", settings.project());
            }
        };
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(settings.pollInterval(), true);
    }

    @Override
    public void validateOptions(Map<String, Object> options) {
        OpenAiOptions.from(options);
    }

    @Override
    public String stage(StageRequest request) {
        try (ExportedDataset data = Staging.export(exports, ID, request)) {
            if (data.bytes() > MAX_FILE) {
                throw new PermanentProviderException(ID, "file_too_large", "OpenAI takes training files up to 8 GB; "
                        + request.dataset() + " is " + data.bytes() + " bytes in its format");
            }
            String filename = "tunegate-" + data.sha256() + "." + data.format() + ".jsonl";
            JsonNode file = data.bytes() <= singleUploadLimit ? files.upload(data, filename)
                    : files.uploadInParts(data, filename, partSize);
            String fileId = JsonFields.text(file, "id");
            if (fileId == null) {
                throw new TransientProviderException(ID, "OpenAI answered the upload without a file id");
            }
            formats.put(fileId, data.format());
            return fileId;
        }
    }

    @Override
    public SubmittedJob submit(SubmitRequest request) {
        OpenAiOptions options;
        try {
            options = OpenAiOptions.from(request.options());
        } catch (ApiException e) {
            throw new PermanentProviderException(ID, "invalid_provider_options", e.getMessage());
        }
        ObjectNode body = http.json().createObjectNode();
        body.put("model", request.providerModel());
        body.put("training_file", request.trainingData());
        if (request.validationData() != null) {
            body.put("validation_file", request.validationData());
        }
        body.set("method", method(request, options));
        if (options.suffix() != null) {
            body.put("suffix", options.suffix());
        }
        if (options.seed() != null) {
            body.put("seed", options.seed());
        }
        if (options.integrations() != null) {
            body.set("integrations", http.json().valueToTree(options.integrations()));
        }
        body.putObject("metadata").put(METADATA_KEY, request.idempotencyKey());
        return jobs.create(body);
    }

    private ObjectNode method(SubmitRequest request, OpenAiOptions options) {
        boolean dpo = PREFERENCE_FORMAT.equals(formatOf(request.trainingData()));
        ObjectNode hyperparameters = FineTuningHyperparameters.toJson(ID, request.hyperparameters(), http.json());
        if (options.beta() != null) {
            if (!dpo) {
                throw PermanentProviderException.unsupportedHyperparameter(ID,
                        "provider_options.openai.beta applies to preference (DPO) data only; this dataset is "
                                + "trained with supervised fine-tuning");
            }
            hyperparameters.put("beta", options.beta());
        }
        String type = dpo ? "dpo" : "supervised";
        ObjectNode method = http.json().createObjectNode().put("type", type);
        if (!hyperparameters.isEmpty()) {
            method.putObject(type).set("hyperparameters", hyperparameters);
        }
        return method;
    }

    /** The format a file was staged in: remembered, or read from its name (staged by another process). */
    private String formatOf(String fileId) {
        String known = formats.get(fileId);
        if (known != null) {
            return known;
        }
        String filename = JsonFields.text(files.get(fileId), "filename");
        String format = filename != null && filename.endsWith("." + PREFERENCE_FORMAT + ".jsonl") ? PREFERENCE_FORMAT
                : "other";
        formats.put(fileId, format);
        return format;
    }

    @Override
    public Optional<SubmittedJob> findSubmitted(String idempotencyKey) {
        return jobs.find("metadata%5B" + METADATA_KEY + "%5D=" + encode(idempotencyKey),
                job -> idempotencyKey.equals(JsonFields.text(job.path("metadata"), METADATA_KEY)), LIST_PAGES);
    }

    @Override
    public ProviderJobSnapshot fetch(String providerJobId, String eventCursor) {
        return jobs.fetch(providerJobId, eventCursor);
    }

    @Override
    public void cancel(String providerJobId) {
        jobs.cancel(providerJobId);
    }

    @Override
    public ProviderJobStatus pause(String providerJobId) {
        return jobs.pause(providerJobId);
    }

    @Override
    public ProviderJobStatus resume(String providerJobId) {
        return jobs.resume(providerJobId);
    }
}
