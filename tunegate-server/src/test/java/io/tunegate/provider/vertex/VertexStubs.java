package io.tunegate.provider.vertex;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.contract.ProviderStubs;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Vertex AI's tuning API and the Cloud Storage JSON API in their real shapes (reference §4: camelCase, RFC 3339
 * times, int64 as strings, full resource names, {@code :cancel}, the Google error envelope). Vertex exposes no loss
 * curve in the job, so this provider reports no metrics.
 */
public class VertexStubs implements ProviderStubs {

    static final String PROJECT = "tunegate-test";
    static final String LOCATION = "us-central1";
    static final String BUCKET = "tunegate-staging";
    static final String JOBS = "/v1/projects/" + PROJECT + "/locations/" + LOCATION + "/tuningJobs";
    static final String JOB = "projects/" + PROJECT + "/locations/" + LOCATION + "/tuningJobs/4385739102958370816";
    static final String OBJECT_PATH = "/storage/v1/b/" + BUCKET + "/o/tunegate%2F[0-9a-f]{64}\\.jsonl";

    private final VertexTestAccount account;

    VertexStubs(VertexTestAccount account) {
        this.account = account;
    }

    @Override
    public String baseModel() {
        return "gemini-2.5-flash";
    }

    @Override
    public String providerModel() {
        return "gemini-2.5-flash";
    }

    @Override
    public String providerJobId() {
        return JOB;
    }

    @Override
    public void stageAccepted(WireMockServer wm) {
        account.stubTokenEndpoint(wm);
        wm.stubFor(get(urlPathMatching(OBJECT_PATH)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json; charset=UTF-8").withBody("""
                        {"error": {"code": 404, "message": "No such object: tunegate-staging/tunegate/x.jsonl",
                          "errors": [{"message": "No such object", "domain": "global", "reason": "notFound"}]}}""")));
        wm.stubFor(post(urlPathEqualTo("/upload/storage/v1/b/" + BUCKET + "/o")).willReturn(okJson("""
                {"kind": "storage#object", "id": "tunegate-staging/tunegate/x.jsonl/1763700000000000",
                 "name": "tunegate/x.jsonl", "bucket": "tunegate-staging", "generation": "1763700000000000",
                 "contentType": "application/jsonl", "size": "1875", "md5Hash": "AAAAAAAAAAAAAAAAAAAAAA=="}""")));
    }

    @Override
    public MappingBuilder create() {
        return post(urlPathEqualTo(JOBS));
    }

    @Override
    public ResponseDefinitionBuilder created(String providerJobId) {
        return okJson(job(providerJobId, "JOB_STATE_PENDING", ""));
    }

    @Override
    public MappingBuilder getJob(String providerJobId) {
        return get(urlPathEqualTo("/v1/" + providerJobId));
    }

    @Override
    public void job(WireMockServer wm, String providerJobId, Phase phase) {
        account.stubTokenEndpoint(wm);
        String stats = """
                , "tuningDataStats": {"supervisedTuningDataStats": {"tuningDatasetExampleCount": "10",
                   "totalBillableTokenCount": "%d", "tuningStepCount": "30", "totalTuningCharacterCount": "4800"}}"""
                .formatted(TOKENS_PER_EPOCH);
        String body = switch (phase) {
            case QUEUED -> job(providerJobId, "JOB_STATE_PENDING", "");
            case RUNNING -> job(providerJobId, "JOB_STATE_RUNNING", """
                    , "tuningJobState": "TUNING_JOB_STATE_TUNING", "startTime": "2026-11-21T10:02:00.123456Z",
                    "tuningJobMetadata": {"completedEpochCount": "1", "completedStepCount": "10"},
                    "tunedModel": {"checkpoints": [{"checkpointId": "1", "epoch": "1", "step": "10"}]}""" + stats);
            case SUCCEEDED -> job(providerJobId, "JOB_STATE_SUCCEEDED", """
                    , "startTime": "2026-11-21T10:02:00Z", "endTime": "2026-11-21T10:40:00Z",
                    "tuningJobMetadata": {"completedEpochCount": "3", "completedStepCount": "30"},
                    "tunedModel": {"model": "%s",
                      "endpoint": "projects/123456789/locations/us-central1/endpoints/5550001",
                      "checkpoints": [{"checkpointId": "1", "epoch": "1", "step": "10"},
                                      {"checkpointId": "2", "epoch": "2", "step": "20"},
                                      {"checkpointId": "3", "epoch": "3", "step": "30"}]}""".formatted(fineTunedModel())
                    + stats);
            case FAILED -> job(providerJobId, "JOB_STATE_FAILED", """
                    , "endTime": "2026-11-21T10:05:00Z", "error": {"code": 3, "message": "%s"}"""
                    .formatted(failureMessage()));
            case CANCELLED -> job(providerJobId, "JOB_STATE_CANCELLED", """
                    , "endTime": "2026-11-21T10:05:00Z", "error": {"code": 1, "message": "CANCELLED"}""");
        };
        wm.stubFor(getJob(providerJobId).willReturn(okJson(body)));
    }

    @Override
    public void cancelAccepted(WireMockServer wm, String providerJobId) {
        account.stubTokenEndpoint(wm);
        wm.stubFor(post(urlPathEqualTo("/v1/" + providerJobId + ":cancel")).willReturn(okJson("{}")));
    }

    @Override
    public void nothingSubmitted(WireMockServer wm) {
        account.stubTokenEndpoint(wm);
        // Google leaves empty repeated fields out: no tuningJobs, no nextPageToken
        wm.stubFor(get(urlPathEqualTo(JOBS)).willReturn(okJson("{}")));
    }

    @Override
    public void submitted(WireMockServer wm, String key, String providerJobId) {
        account.stubTokenEndpoint(wm);
        wm.stubFor(get(urlPathEqualTo(JOBS))
                .withQueryParam("filter", equalTo("labels.tunegate_job_id=\"" + key + "\""))
                .willReturn(okJson("{\"tuningJobs\": [" + job(providerJobId, "JOB_STATE_RUNNING", "", key) + "]}")));
    }

    @Override
    public ResponseDefinitionBuilder error(int status, String message) {
        String name = switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> "INTERNAL";
        };
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json; charset=UTF-8")
                .withBody("""
                        {"error": {"code": %d, "message": "%s", "status": "%s"}}""".formatted(status, message, name));
    }

    @Override
    public void verifyCreate(WireMockServer wm, SubmitRequest request) {
        String bearer = "Bearer " + VertexTestAccount.ACCESS_TOKEN;
        wm.verify(getRequestedFor(urlPathMatching(OBJECT_PATH)).withHeader("Authorization", equalTo(bearer)));
        wm.verify(postRequestedFor(urlPathEqualTo("/upload/storage/v1/b/" + BUCKET + "/o"))
                .withQueryParam("uploadType", equalTo("media"))
                .withQueryParam("name", matching("tunegate/[0-9a-f]{64}\\.jsonl"))
                .withHeader("Authorization", equalTo(bearer))
                .withHeader("Content-Type", equalTo("application/jsonl"))
                .withRequestBody(containing("\"contents\"")));
        assertThat(request.trainingData()).matches("gs://" + BUCKET + "/tunegate/[0-9a-f]{64}\\.jsonl");
        wm.verify(postRequestedFor(urlPathEqualTo(JOBS))
                .withHeader("Authorization", equalTo(bearer))
                .withRequestBody(equalToJson("""
                        {"baseModel": "gemini-2.5-flash",
                         "supervisedTuningSpec": {"trainingDatasetUri": "%s", "hyperParameters": {"epochCount": 3}},
                         "tunedModelDisplayName": "%s",
                         "description": "Tunegate job %s",
                         "labels": {"tunegate_job_id": "%s"}}""".formatted(request.trainingData(), request.jobName(),
                        request.idempotencyKey(), request.idempotencyKey()))));
        List<JsonNode> assertions = account.verifiedAssertions(wm);
        assertThat(assertions).isNotEmpty().allSatisfy(claims -> {
            assertThat(claims.path("iss").asString()).isEqualTo(VertexTestAccount.CLIENT_EMAIL);
            // google-auth-library addresses the assertion to Google's token endpoint whatever token_uri says
            assertThat(claims.path("aud").asString()).isEqualTo("https://oauth2.googleapis.com/token");
            assertThat(claims.path("scope").asString()).isEqualTo(VertexAuth.SCOPE);
        });
    }

    @Override
    public void verifyCancel(WireMockServer wm, String providerJobId) {
        wm.verify(postRequestedFor(urlPathEqualTo("/v1/" + providerJobId + ":cancel"))
                .withHeader("Authorization", equalTo("Bearer " + VertexTestAccount.ACCESS_TOKEN)));
    }

    @Override
    public String fineTunedModel() {
        return "projects/123456789/locations/us-central1/models/9876543210@1";
    }

    @Override
    public String failureMessage() {
        return "Dataset validation failed: line 4 has role 'assistant'; Gemini expects 'user' or 'model'.";
    }

    static final long TOKENS_PER_EPOCH = 120_000;

    @Override
    public Long trainedTokens() {
        return TOKENS_PER_EPOCH * 3;
    }

    @Override
    public boolean reportsMetrics() {
        return false;
    }

    static String job(String name, String state, String extra) {
        return job(name, state, extra, "0f9e8d7c-0000-4000-8000-000000000001");
    }

    /** A TuningJob as Vertex returns it (create answers the same shape, PENDING). */
    static String job(String name, String state, String extra, String label) {
        return """
                {"name": "%s", "tunedModelDisplayName": "contract-test", "description": "Tunegate job %s",
                 "baseModel": "gemini-2.5-flash",
                 "supervisedTuningSpec": {"trainingDatasetUri": "gs://tunegate-staging/tunegate/a.jsonl",
                   "hyperParameters": {"epochCount": "3", "learningRateMultiplier": 1, "adapterSize": "ADAPTER_SIZE_FOUR"}},
                 "state": "%s", "createTime": "2026-11-21T10:00:00.000001Z", "updateTime": "2026-11-21T10:30:00Z",
                 "labels": {"tunegate_job_id": "%s"}%s}""".formatted(name, label, state, label, extra);
    }
}
