package io.tunegate.provider.fireworks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.MultipartValuePatternBuilder;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.contract.ProviderStubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Fireworks' control plane in its shapes (reference §6, official Stainless SDK): camelCase bodies, resource
 * names {@code accounts/{a}/...}, {@code JOB_STATE_*} states with {@code status{code,message}}, the dataset
 * create + {@code :upload} flow, and gRPC-gateway error bodies {@code {"code":<int>,"message":...}} (the
 * control plane's error shape is not verified).
 */
class FireworksStubs implements ProviderStubs {

    static final String API_KEY = "test-fireworks-key";
    static final String ACCOUNT = "tunegate-test";
    static final String ROOT = "/v1/accounts/" + ACCOUNT;
    static final String JOB_ID = "tunegate-5d0c1a4e-8a7b-4c3d-9e2f-1a2b3c4d5e6f";
    static final String DATASET_ID_PATTERN = "tunegate-[0-9a-f]{40}";

    @Override
    public String baseModel() {
        return "llama-3.1-8b-instruct";
    }

    @Override
    public String providerModel() {
        return "accounts/fireworks/models/llama-v3p1-8b-instruct";
    }

    @Override
    public String providerJobId() {
        return JOB_ID;
    }

    @Override
    public void stageAccepted(WireMockServer wm) {
        wm.stubFor(post(urlEqualTo(ROOT + "/datasets")).willReturn(okJson(dataset("tunegate-0000", "UPLOADING"))));
        wm.stubFor(post(urlPathMatching(ROOT + "/datasets/" + DATASET_ID_PATTERN + ":upload"))
                .willReturn(okJson("{\"filenameToSize\": {}}")));
    }

    static String dataset(String id, String state) {
        return """
                {"name": "accounts/%s/datasets/%s", "displayName": "train.fireworks-chat.jsonl",
                 "createTime": "2026-11-21T10:00:00Z", "state": "%s", "status": {"code": "OK", "message": ""},
                 "exampleCount": "10", "userUploaded": {}, "format": "CHAT"}
                """.formatted(ACCOUNT, id, state);
    }

    @Override
    public MappingBuilder create() {
        return post(urlPathEqualTo(ROOT + "/supervisedFineTuningJobs"));
    }

    @Override
    public ResponseDefinitionBuilder created(String providerJobId) {
        return okJson(job(providerJobId, "JOB_STATE_CREATING", "OK", "", null));
    }

    static String job(String id, String state, String code, String message, String extra) {
        return """
                {"name": "accounts/%s/supervisedFineTuningJobs/%s", "displayName": "contract-test",
                 "createTime": "2026-11-21T10:00:00Z", "updateTime": "2026-11-21T10:05:00Z", "state": "%s",
                 "status": {"code": "%s", "message": "%s"}, "createdBy": "ops@example.com",
                 "dataset": "accounts/%s/datasets/tunegate-0000", "baseModel": "accounts/fireworks/models/llama-v3p1-8b-instruct",
                 "outputModel": "accounts/%s/models/%s", "epochs": 3, "learningRate": 0.0001, "loraRank": 8,
                 "maxContextLength": 8192%s}
                """.formatted(ACCOUNT, id, state, code, message, ACCOUNT, ACCOUNT, id,
                extra == null ? "" : ", " + extra);
    }

    @Override
    public MappingBuilder getJob(String providerJobId) {
        return get(urlEqualTo(ROOT + "/supervisedFineTuningJobs/" + providerJobId));
    }

    @Override
    public void job(WireMockServer wm, String providerJobId, Phase phase) {
        String body = switch (phase) {
            case QUEUED -> job(providerJobId, "JOB_STATE_PENDING", "OK", "", null);
            case RUNNING -> job(providerJobId, "JOB_STATE_RUNNING", "OK", "",
                    "\"jobProgress\": {\"percent\": 40, \"epoch\": 1}");
            case SUCCEEDED -> job(providerJobId, "JOB_STATE_COMPLETED", "OK", "",
                    "\"completedTime\": \"2026-11-21T11:00:00Z\", \"jobProgress\": {\"percent\": 100, \"epoch\": 3}");
            case FAILED -> job(providerJobId, "JOB_STATE_FAILED", "INVALID_ARGUMENT", failureMessage(),
                    "\"jobProgress\": {\"percent\": 0}");
            case CANCELLED -> job(providerJobId, "JOB_STATE_CANCELLED", "CANCELLED", "Job was cancelled", null);
        };
        wm.stubFor(getJob(providerJobId).willReturn(okJson(body)));
    }

    @Override
    public void cancelAccepted(WireMockServer wm, String providerJobId) {
        wm.stubFor(post(urlEqualTo(ROOT + "/supervisedFineTuningJobs/" + providerJobId + ":cancel"))
                .willReturn(okJson("{}")));
    }

    @Override
    public void nothingSubmitted(WireMockServer wm) {
        wm.stubFor(get(urlPathMatching(ROOT + "/supervisedFineTuningJobs/[^/:]+")).atPriority(9)
                .willReturn(grpcError(404, 5, "supervised fine-tuning job not found")));
    }

    @Override
    public void submitted(WireMockServer wm, String key, String providerJobId) {
        wm.stubFor(get(urlEqualTo(ROOT + "/supervisedFineTuningJobs/tunegate-" + key))
                .willReturn(okJson(job(providerJobId, "JOB_STATE_RUNNING", "OK", "", null))));
    }

    @Override
    public ResponseDefinitionBuilder error(int status, String message) {
        int code = switch (status) {
            case 400 -> 3;
            case 404 -> 5;
            case 409 -> 6;
            case 429 -> 8;
            case 503 -> 14;
            default -> 13;
        };
        return grpcError(status, code, message);
    }

    static ResponseDefinitionBuilder grpcError(int status, int code, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"code\": " + code + ", \"message\": \"" + message + "\", \"details\": []}");
    }

    @Override
    public void verifyCreate(WireMockServer wm, SubmitRequest request) {
        wm.verify(postRequestedFor(urlEqualTo(ROOT + "/datasets"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withRequestBody(equalToJson("""
                        {"datasetId": "${json-unit.regex}%s",
                         "dataset": {"userUploaded": {}, "format": "CHAT", "exampleCount": "10",
                                     "displayName": "${json-unit.any-string}"}}""".formatted(DATASET_ID_PATTERN))));
        wm.verify(postRequestedFor(urlPathMatching(ROOT + "/datasets/" + DATASET_ID_PATTERN + ":upload"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBodyPart(new MultipartValuePatternBuilder().withName("file")
                        .withBody(containing("Capital of France?")).build()));
        wm.verify(postRequestedFor(urlPathEqualTo(ROOT + "/supervisedFineTuningJobs"))
                .withQueryParam("supervisedFineTuningJobId", equalTo("tunegate-" + request.idempotencyKey()))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withRequestBody(matchingJsonPath("$.dataset", matching("accounts/" + ACCOUNT + "/datasets/"
                        + DATASET_ID_PATTERN)))
                .withRequestBody(equalToJson("""
                        {"dataset": "${json-unit.any-string}", "baseModel": "%s", "epochs": 3,
                         "displayName": "contract-test"}""".formatted(request.providerModel()))));
    }

    @Override
    public void verifyCancel(WireMockServer wm, String providerJobId) {
        wm.verify(postRequestedFor(urlEqualTo(ROOT + "/supervisedFineTuningJobs/" + providerJobId + ":cancel"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY)));
    }

    @Override
    public String fineTunedModel() {
        return "accounts/" + ACCOUNT + "/models/" + JOB_ID;
    }

    @Override
    public String failureMessage() {
        return "Dataset has fewer than 3 examples after filtering";
    }

    @Override
    public Long trainedTokens() {
        // no trained-token count on the SFT job object
        return null;
    }

    @Override
    public boolean reportsMetrics() {
        // losses go to W&B or a metrics file behind a signed URL; the job object carries none
        return false;
    }
}
