package io.tunegate.provider.bedrock;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.dataset.ExportedDataset;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderCapabilities;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.http.JsonFields;
import io.tunegate.provider.http.Sha256;
import io.tunegate.provider.staging.Staging;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Amazon Bedrock model customization (fine-tuning). One class, two ids: {@code bedrock} (Nova, Llama, Titan)
 * and {@code anthropic} (Claude on Bedrock), sharing one settings block. Training data is staged to S3 by content
 * hash; the job name and {@code clientRequestToken} are derived from the gateway job id, so a repeated create
 * is ignored by Bedrock and a job created before a crash is found again by name.
 */
public final class BedrockAdapter implements ProviderAdapter {

    static final String CREATE_STATUS = "InProgress";

    private final String id;
    private final BedrockSettings settings;
    private final BedrockApi api;
    private final BedrockStaging staging;
    private final DatasetExports exports;

    BedrockAdapter(String id, BedrockSettings settings, BedrockApi api, BedrockStaging staging,
                   DatasetExports exports) {
        this.id = id;
        this.settings = settings;
        this.api = api;
        this.staging = staging;
        this.exports = exports;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ProviderCapabilities capabilities() {
        return new ProviderCapabilities(settings.pollInterval());
    }

    @Override
    public void validateOptions(Map<String, Object> options) {
        BedrockOptions.from(id, options);
    }

    @Override
    public String stage(StageRequest request) {
        try (ExportedDataset data = Staging.export(exports, id, request)) {
            return staging.put(id, data);
        }
    }

    @Override
    public SubmittedJob submit(SubmitRequest request) {
        String arn = api.create(createBody(request));
        // the create answer carries only the ARN; a new job starts InProgress (validation first)
        return new SubmittedJob(arn, BedrockJobs.state(CREATE_STATUS), CREATE_STATUS);
    }

    Map<String, Object> createBody(SubmitRequest request) {
        BedrockOptions options = BedrockOptions.from(id, request.options());
        BedrockFamily family = BedrockFamily.of(request.providerModel());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("jobName", jobName(request.idempotencyKey()));
        body.put("customModelName", options.customModelName() != null ? options.customModelName()
                : customModelName(request.jobName() != null ? request.jobName() : request.baseModel(),
                request.idempotencyKey()));
        body.put("roleArn", settings.roleArn());
        body.put("clientRequestToken", clientRequestToken(request.idempotencyKey()));
        body.put("baseModelIdentifier", request.providerModel());
        body.put("customizationType", "FINE_TUNING");
        body.put("trainingDataConfig", Map.of("s3Uri", request.trainingData()));
        if (request.validationData() != null) {
            body.put("validationDataConfig", Map.of("validators", List.of(Map.of("s3Uri", request.validationData()))));
        }
        body.put("outputDataConfig", Map.of("s3Uri", settings.output().toString()));
        Map<String, String> hyperParameters = family.hyperParameters(id, request.providerModel(),
                request.hyperparameters(), options.hyperParameters());
        if (!hyperParameters.isEmpty()) {
            body.put("hyperParameters", hyperParameters);
        }
        if (options.kmsKeyId() != null) {
            body.put("customModelKmsKeyId", options.kmsKeyId());
        }
        if (!options.jobTags().isEmpty()) {
            body.put("jobTags", options.jobTags().entrySet().stream()
                    .map(t -> Map.of("key", t.getKey(), "value", t.getValue())).toList());
        }
        if (!options.subnetIds().isEmpty()) {
            body.put("vpcConfig", Map.of("subnetIds", options.subnetIds(),
                    "securityGroupIds", options.securityGroupIds()));
        }
        return body;
    }

    @Override
    public Optional<SubmittedJob> findSubmitted(String idempotencyKey) {
        return api.find(jobName(idempotencyKey)).map(job -> {
            String status = JsonFields.text(job.path("status"));
            String arn = JsonFields.text(job.path("jobArn"));
            if (arn == null) {
                throw new TransientProviderException(id, id + " answered a job lookup without a jobArn");
            }
            ProviderJobState state = BedrockJobs.state(status);
            return new SubmittedJob(arn, state, status == null ? "unknown" : status);
        });
    }

    @Override
    public ProviderJobSnapshot fetch(String providerJobId, String eventCursor) {
        return BedrockJobs.snapshot(api.get(providerJobId), eventCursor);
    }

    @Override
    public void cancel(String providerJobId) {
        api.stop(providerJobId);
    }

    /**
     * The Bedrock job name of a gateway job: {@code tunegate-<id>} within Bedrock's 63 characters and alphabet
     * ({@code [a-zA-Z0-9](-*[a-zA-Z0-9+\-.])*}); a key too long keeps its start and a hash of the whole.
     */
    static String jobName(String key) {
        String name = "tunegate-" + key.replaceAll("[^a-zA-Z0-9+.-]", "-");
        return name.length() <= 63 ? name : name.substring(0, 50) + "-" + Sha256.hex(key, 12);
    }

    /** Bedrock's idempotency token: {@code [a-zA-Z0-9]([-a-zA-Z0-9]{0,254}[a-zA-Z0-9])?}. */
    static String clientRequestToken(String key) {
        String token = key.replaceAll("[^a-zA-Z0-9-]", "-").replaceAll("^-+|-+$", "");
        if (token.isEmpty() || token.length() > 256 || !token.equals(key)) {
            // anything rewritten also gets a hash of the original, so two keys never share a token
            token = (token.length() > 190 ? token.substring(0, 190) : token).replaceAll("-+$", "");
            token = (token.isEmpty() ? "" : token + "-") + Sha256.hex(key, 64);
        }
        return token;
    }

    /**
     * A unique custom-model name ({@code ([0-9a-zA-Z][_-]?){1,63}}): the job's name (or base model), shortened,
     * then the gateway job id.
     */
    static String customModelName(String label, String key) {
        String suffix = modelNamePart(key);
        String prefix = modelNamePart(label == null ? "" : label.toLowerCase(Locale.ROOT));
        if (prefix.isEmpty()) {
            prefix = "tunegate";
        }
        int room = 63 - suffix.length() - 1;
        if (room < 1) {
            return suffix.substring(0, Math.min(63, suffix.length())).replaceAll("[-_]+$", "");
        }
        prefix = prefix.length() > room ? prefix.substring(0, room) : prefix;
        return prefix.replaceAll("[-_]+$", "") + "-" + suffix;
    }

    private static String modelNamePart(String value) {
        return value.replaceAll("[^0-9a-zA-Z_-]", "-").replaceAll("[-_]{2,}", "-").replaceAll("^[-_]+|[-_]+$", "");
    }
}
