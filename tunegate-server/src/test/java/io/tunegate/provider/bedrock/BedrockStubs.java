package io.tunegate.provider.bedrock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.contract.ProviderStubs;
import io.tunegate.support.S3TestServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.util.List;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bedrock's control plane in its real shapes (reference §3, botocore service-2.json): create answers 201 with
 * only {@code {jobArn}}; job reads take the ARN percent-encoded as one path segment (or the job name); stop
 * answers 200 {}; errors are {@code {"message"}} with the type in {@code x-amzn-ErrorType}. Staging goes to the
 * real S3 protocol (the S3 test server), not to WireMock.
 */
class BedrockStubs implements ProviderStubs {

    static final String ACCOUNT = "123456789012";
    static final JsonMapper JSON = JsonMapper.builder().build();

    private final String baseModel;
    private final String providerModel;
    private final String suffix;

    BedrockStubs(String baseModel, String providerModel, String suffix) {
        this.baseModel = baseModel;
        this.providerModel = providerModel;
        this.suffix = suffix;
    }

    static BedrockStubs nova() {
        return new BedrockStubs("nova-micro", "amazon.nova-micro-v1:0:128k", "a1b2c3d4e5f6");
    }

    static BedrockStubs claude() {
        return new BedrockStubs("claude-3-haiku", "anthropic.claude-3-haiku-20240307-v1:0:200k", "q9w8e7r6t5y4");
    }

    @Override
    public String baseModel() {
        return baseModel;
    }

    @Override
    public String providerModel() {
        return providerModel;
    }

    @Override
    public String providerJobId() {
        return "arn:aws:bedrock:us-west-2:" + ACCOUNT + ":model-customization-job/" + providerModel + "/" + suffix;
    }

    static String encodedPath(String jobIdentifier) {
        return "/model-customization-jobs/" + SigV4Verifier.encode(jobIdentifier);
    }

    @Override
    public void stageAccepted(WireMockServer wm) {
        // staging is S3 (the S3 test server): nothing to stub on the control plane
    }

    @Override
    public MappingBuilder create() {
        return post(urlPathEqualTo("/model-customization-jobs"));
    }

    @Override
    public ResponseDefinitionBuilder created(String providerJobId) {
        return aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-RequestId", "5b1c6d4e-0000-4000-8000-000000000001")
                .withBody("{\"jobArn\":\"" + providerJobId + "\"}");
    }

    @Override
    public MappingBuilder getJob(String providerJobId) {
        return get(urlPathEqualTo(encodedPath(providerJobId)));
    }

    @Override
    public void job(WireMockServer wm, String providerJobId, Phase phase) {
        wm.stubFor(getJob(providerJobId).willReturn(json(200, jobBody(providerJobId, "tunegate-x", "x", phase))));
    }

    String jobBody(String arn, String jobName, String token, Phase phase) {
        String status = switch (phase) {
            case QUEUED, RUNNING -> "InProgress";
            case SUCCEEDED -> "Completed";
            case FAILED -> "Failed";
            case CANCELLED -> "Stopped";
        };
        String validation = phase == Phase.QUEUED ? "InProgress" : "Completed";
        String processing = phase == Phase.QUEUED ? "NotStarted" : "Completed";
        String training = switch (phase) {
            case QUEUED -> "NotStarted";
            case RUNNING -> "InProgress";
            case SUCCEEDED -> "Completed";
            case FAILED -> "Failed";
            case CANCELLED -> "Stopped";
        };
        StringBuilder body = new StringBuilder();
        body.append("""
                {"jobArn": "%s", "jobName": "%s", "outputModelName": "%s-model", "clientRequestToken": "%s",
                 "roleArn": "%s", "status": "%s",
                 "statusDetails": {
                   "validationDetails": {"status": "%s", "creationTime": "2026-11-21T09:00:01.000Z", "lastModifiedTime": "2026-11-21T09:04:00.000Z"},
                   "dataProcessingDetails": {"status": "%s", "creationTime": "2026-11-21T09:04:00.000Z", "lastModifiedTime": "2026-11-21T09:09:00.000Z"},
                   "trainingDetails": {"status": "%s", "creationTime": "2026-11-21T09:09:00.000Z", "lastModifiedTime": "2026-11-21T09:40:00.000Z"}},
                 "creationTime": "2026-11-21T09:00:00.000Z", "lastModifiedTime": "2026-11-21T09:40:00.000Z",
                 "baseModelArn": "arn:aws:bedrock:us-west-2::foundation-model/%s",
                 "hyperParameters": {"epochCount": "3"}, "customizationType": "FINE_TUNING",
                 "trainingDataConfig": {"s3Uri": "s3://tunegate-bedrock/staging/abc.jsonl"},
                 "validationDataConfig": {"validators": []},
                 "outputDataConfig": {"s3Uri": "s3://tunegate-bedrock/staging/output"}
                """.formatted(arn, jobName, jobName, token, BedrockTesting.ROLE, status, validation, processing,
                training, providerModel));
        if (phase == Phase.RUNNING || phase == Phase.SUCCEEDED) {
            body.append(", \"trainingMetrics\": {\"trainingLoss\": 1.2345}, \"validationMetrics\": [{\"validationLoss\": 1.5}]");
        }
        if (phase == Phase.SUCCEEDED) {
            body.append(", \"outputModelArn\": \"").append(fineTunedModel()).append("\", \"endTime\": \"2026-11-21T09:41:00Z\"");
        }
        if (phase == Phase.FAILED) {
            body.append(", \"failureMessage\": \"").append(failureMessage()).append("\", \"endTime\": \"2026-11-21T09:41:00Z\"");
        }
        if (phase == Phase.CANCELLED) {
            body.append(", \"endTime\": \"2026-11-21T09:41:00Z\"");
        }
        return body.append('}').toString();
    }

    @Override
    public void cancelAccepted(WireMockServer wm, String providerJobId) {
        wm.stubFor(post(urlPathEqualTo(encodedPath(providerJobId) + "/stop")).willReturn(json(200, "{}")));
    }

    @Override
    public void nothingSubmitted(WireMockServer wm) {
        wm.stubFor(get(urlPathMatching("/model-customization-jobs/tunegate-[^/]+")).willReturn(
                error(404, "Could not find the customization job").withHeader("x-amzn-ErrorType",
                        "ResourceNotFoundException:http://internal.amazon.com/coral/com.amazon.bedrock/")));
    }

    @Override
    public void submitted(WireMockServer wm, String key, String providerJobId) {
        String name = BedrockAdapter.jobName(key);
        wm.stubFor(get(urlPathEqualTo("/model-customization-jobs/" + name))
                .willReturn(json(200, jobBody(providerJobId, name, key, Phase.RUNNING))));
    }

    @Override
    public ResponseDefinitionBuilder error(int status, String message) {
        String type = switch (status) {
            case 400 -> "ValidationException";
            case 403 -> "AccessDeniedException";
            case 404 -> "ResourceNotFoundException";
            case 429 -> "ThrottlingException";
            case 503 -> "ServiceUnavailableException";
            default -> "InternalServerException";
        };
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withHeader("x-amzn-ErrorType", type)
                .withHeader("x-amzn-RequestId", "5b1c6d4e-0000-4000-8000-000000000002")
                .withBody(JSON.writeValueAsString(Map.of("message", message)));
    }

    @Override
    public void verifyCreate(WireMockServer wm, SubmitRequest request) {
        List<LoggedRequest> creates = wm.findAll(postRequestedFor(urlPathEqualTo("/model-customization-jobs")));
        assertThat(creates).hasSize(1);
        LoggedRequest create = creates.getFirst();
        assertThat(create.getHeader("Content-Type")).isEqualTo("application/json");
        SigV4Verifier.Parsed auth = SigV4Verifier.parse(create.getHeader("Authorization"));
        assertThat(auth.accessKey()).isEqualTo(S3TestServer.ACCESS_KEY);
        assertThat(auth.region()).isEqualTo(BedrockTesting.REGION);
        assertThat(auth.service()).isEqualTo("bedrock");
        assertThat(auth.signedHeaders()).contains("host", "x-amz-date", "content-type");
        assertThat(auth.signature()).isEqualTo(SigV4Verifier.expectedSignature(create, S3TestServer.SECRET_KEY));

        JsonNode body = JSON.readTree(create.getBodyAsString());
        assertThat(body.path("jobName").asString()).isEqualTo(BedrockAdapter.jobName(request.idempotencyKey()));
        assertThat(body.path("clientRequestToken").asString()).isEqualTo(request.idempotencyKey());
        assertThat(body.path("baseModelIdentifier").asString()).isEqualTo(providerModel);
        assertThat(body.path("roleArn").asString()).isEqualTo(BedrockTesting.ROLE);
        assertThat(body.path("customizationType").asString()).isEqualTo("FINE_TUNING");
        assertThat(body.path("trainingDataConfig").path("s3Uri").asString()).isEqualTo(request.trainingData());
        assertThat(body.path("outputDataConfig").path("s3Uri").asString())
                .isEqualTo("s3://" + BedrockTesting.BUCKET + "/staging/output");
        assertThat(body.path("hyperParameters").path("epochCount").isString()).isTrue();
        assertThat(body.path("hyperParameters").path("epochCount").asString()).isEqualTo("3");
        assertThat(body.path("customModelName").asString()).matches(BedrockOptions.CUSTOM_MODEL_NAME.pattern())
                .hasSizeLessThanOrEqualTo(63);
        // the training data really is in the staging bucket, under its content hash
        assertThat(request.trainingData()).matches("s3://" + BedrockTesting.BUCKET + "/staging/[0-9a-f]{64}\\.jsonl");
        String key = request.trainingData().substring(("s3://" + BedrockTesting.BUCKET + "/").length());
        assertThat(S3TestServer.shared().keys(BedrockTesting.BUCKET, "staging/")).contains(key);
    }

    @Override
    public void verifyCancel(WireMockServer wm, String providerJobId) {
        List<LoggedRequest> stops = wm.findAll(postRequestedFor(urlPathEqualTo(encodedPath(providerJobId) + "/stop")));
        assertThat(stops).hasSize(1);
        assertThat(stops.getFirst().getUrl()).contains("%3A").contains("%2F");
        assertThat(SigV4Verifier.parse(stops.getFirst().getHeader("Authorization")).signature())
                .isEqualTo(SigV4Verifier.expectedSignature(stops.getFirst(), S3TestServer.SECRET_KEY));
    }

    @Override
    public String fineTunedModel() {
        return "arn:aws:bedrock:us-west-2:" + ACCOUNT + ":custom-model/" + providerModel + "/" + suffix + "x";
    }

    @Override
    public String failureMessage() {
        return "Training data validation failed: record 3 does not start with a user message";
    }

    @Override
    public Long trainedTokens() {
        return null;
    }

    static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
