package io.tunegate.provider.mistral;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.contract.ProviderStubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Mistral's fine-tuning API in its real shapes (reference §7, and the job example of Mistral's fine-tuning guide:
 * events and checkpoints newest first, unix-second timestamps, {@code ft:<model>:...} model names).
 */
public class MistralStubs implements ProviderStubs {

    static final String API_KEY = "test-mistral-key";
    static final String FILE_ID = "66f96d02-8b51-4c76-a5ac-a78e28b2584f";
    static final String JOB_ID = "2813b7e6-c511-43ac-a16a-1a54a5b884b2";
    static final String JOBS = "/v1/fine_tuning/jobs";

    @Override
    public String baseModel() {
        return "mistral-7b";
    }

    @Override
    public String providerModel() {
        return "open-mistral-7b";
    }

    @Override
    public String providerJobId() {
        return JOB_ID;
    }

    @Override
    public void stageAccepted(WireMockServer wm) {
        wm.stubFor(post(urlPathEqualTo("/v1/files")).willReturn(okJson("""
                {"id": "%s", "object": "file", "bytes": 1462, "created_at": 1763700000,
                 "filename": "tunegate-training.jsonl", "purpose": "fine-tune", "sample_type": "instruct",
                 "source": "upload", "num_lines": 10}""".formatted(FILE_ID))));
    }

    @Override
    public MappingBuilder create() {
        return post(urlPathEqualTo(JOBS));
    }

    @Override
    public ResponseDefinitionBuilder created(String providerJobId) {
        return okJson(job(providerJobId, "QUEUED", "null", "null", "[]", "[]"));
    }

    @Override
    public MappingBuilder getJob(String providerJobId) {
        return get(urlPathEqualTo(JOBS + "/" + providerJobId));
    }

    @Override
    public void job(WireMockServer wm, String providerJobId, Phase phase) {
        wm.stubFor(getJob(providerJobId).willReturn(okJson(body(providerJobId, phase))));
    }

    /**
     * A job that runs until it is cancelled (a stateful WireMock scenario): reads answer RUNNING until
     * {@code POST .../cancel} is called, which answers CANCELLATION_REQUESTED, and CANCELLED from then on.
     */
    public void runningUntilCancelled(WireMockServer wm, String providerJobId) {
        String scenario = "cancel-" + providerJobId;
        wm.stubFor(getJob(providerJobId).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson(body(providerJobId, Phase.RUNNING))));
        wm.stubFor(post(urlPathEqualTo(JOBS + "/" + providerJobId + "/cancel")).inScenario(scenario)
                .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("cancelled")
                .willReturn(okJson(job(providerJobId, "CANCELLATION_REQUESTED", "null", "null", "[]", "[]"))));
        wm.stubFor(getJob(providerJobId).inScenario(scenario).whenScenarioStateIs("cancelled")
                .willReturn(okJson(body(providerJobId, Phase.CANCELLED))));
    }

    /** Mistral's detailed job (events and checkpoints newest first) in {@code phase}. */
    private String body(String providerJobId, Phase phase) {
        String queued = event("QUEUED", 1763700100);
        String running = event("RUNNING", 1763700160);
        return switch (phase) {
            case QUEUED -> job(providerJobId, "QUEUED", "null", "null", "[" + queued + "]", "[]");
            case RUNNING -> job(providerJobId, "RUNNING", "null", "null",
                    "[" + running + ", " + event("VALIDATED", 1763700130) + ", " + queued + "]",
                    "[" + checkpoint(20, 0.852521, 0.880803) + ", " + checkpoint(10, 0.914257, 0.803578) + "]");
            case SUCCEEDED -> job(providerJobId, "SUCCESS", "\"" + fineTunedModel() + "\"",
                    String.valueOf(trainedTokens()), "[" + event("SUCCESS", 1763703000) + ", " + running + ", "
                            + queued + "]",
                    "[" + checkpoint(100, 0.819697, 0.816135) + ", " + checkpoint(10, 0.914257, 0.803578) + "]");
            // where Mistral puts a failure's reason is not documented: an event's data (not verified)
            case FAILED -> job(providerJobId, "FAILED", "null", "null", """
                    [{"name": "status-updated", "created_at": 1763700200,
                      "data": {"status": "FAILED", "error": "%s"}}, %s, %s]""".formatted(failureMessage(),
                    running, queued), "[]");
            case CANCELLED -> job(providerJobId, "CANCELLED", "null", "null",
                    "[" + event("CANCELLED", 1763700300) + ", " + event("CANCELLATION_REQUESTED", 1763700290)
                            + ", " + running + ", " + queued + "]", "[]");
        };
    }

    @Override
    public void cancelAccepted(WireMockServer wm, String providerJobId) {
        wm.stubFor(post(urlPathEqualTo(JOBS + "/" + providerJobId + "/cancel")).willReturn(okJson(
                job(providerJobId, "CANCELLATION_REQUESTED", "null", "null", "[]", "[]"))));
    }

    @Override
    public void nothingSubmitted(WireMockServer wm) {
        wm.stubFor(get(urlPathEqualTo(JOBS)).willReturn(okJson("""
                {"object": "list", "total": 0, "data": []}""")));
    }

    @Override
    public void submitted(WireMockServer wm, String key, String providerJobId) {
        wm.stubFor(get(urlPathEqualTo(JOBS)).withQueryParam("suffix", equalTo(MistralTag.of(key)))
                .willReturn(okJson("""
                        {"object": "list", "total": 1, "data": [%s]}""".formatted(
                        job(providerJobId, "RUNNING", "null", "null", null, null, MistralTag.of(key))))));
    }

    @Override
    public ResponseDefinitionBuilder error(int status, String message) {
        String body = switch (status) {
            case 422 -> """
                    {"detail": [{"type": "value_error", "loc": ["body", "job_in"], "msg": "%s"}]}""".formatted(message);
            case 429 -> """
                    {"object": "error", "message": "%s", "type": "rate_limited", "param": null, "code": "1300"}"""
                    .formatted(message);
            default -> """
                    {"object": "error", "message": "%s", "type": "%s", "param": null, "code": null}"""
                    .formatted(message, status >= 500 ? "internal_server_error" : "invalid_request_error");
        };
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Override
    public void verifyCreate(WireMockServer wm, SubmitRequest request) {
        wm.verify(postRequestedFor(urlPathEqualTo("/v1/files"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Content-Type", containing("multipart/form-data; boundary="))
                .withRequestBodyPart(aMultipart().withName("purpose").withBody(equalTo("fine-tune")).build())
                .withRequestBodyPart(aMultipart().withName("file").withBody(containing("\"messages\"")).build()));
        wm.verify(postRequestedFor(urlPathEqualTo(JOBS))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"model": "open-mistral-7b",
                         "training_files": [{"file_id": "%s", "weight": 1}],
                         "hyperparameters": {"epochs": 3},
                         "suffix": "%s",
                         "auto_start": true}""".formatted(FILE_ID, MistralTag.of(request.idempotencyKey()))))
                .withRequestBody(matchingJsonPath("$.training_files[0].file_id", equalTo(request.trainingData()))));
    }

    @Override
    public void verifyCancel(WireMockServer wm, String providerJobId) {
        wm.verify(postRequestedFor(urlPathEqualTo(JOBS + "/" + providerJobId + "/cancel"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY)));
    }

    @Override
    public String fineTunedModel() {
        return "ft:open-mistral-7b:tg0123456789abcdef:20261121:2813b7e6";
    }

    @Override
    public String failureMessage() {
        return "Training file has 3 invalid samples: assistant message missing at line 4";
    }

    @Override
    public Long trainedTokens() {
        return 1_310_720L;
    }

    static String event(String status, long at) {
        return """
                {"name": "status-updated", "data": {"status": "%s"}, "created_at": %d}""".formatted(status, at);
    }

    static String checkpoint(int step, double validLoss, double trainLoss) {
        return """
                {"metrics": {"train_loss": %s, "valid_loss": %s, "valid_mean_token_accuracy": 1.77},
                 "step_number": %d, "created_at": %d}""".formatted(trainLoss, validLoss, step, 1763700000 + step * 86);
    }

    static String job(String id, String status, String model, String trainedTokens, String events, String checkpoints) {
        return job(id, status, model, trainedTokens, events, checkpoints, "tg0123456789abcdef");
    }

    /** A job in Mistral's detailed shape; {@code events}/{@code checkpoints} null leave them out (list view). */
    static String job(String id, String status, String model, String trainedTokens, String events, String checkpoints,
                      String suffix) {
        return """
                {"id": "%s", "object": "job", "auto_start": true, "model": "open-mistral-7b", "status": "%s",
                 "job_type": "completion", "created_at": 1763700000, "modified_at": 1763700100,
                 "training_files": ["%s"], "validation_files": [],
                 "hyperparameters": {"training_steps": 100, "learning_rate": 0.0001},
                 "fine_tuned_model": %s, "suffix": "%s", "integrations": [], "trained_tokens": %s,
                 "metadata": {"expected_duration_seconds": 120, "cost": 2.62, "cost_currency": "USD",
                              "train_tokens_per_step": 131072, "train_tokens": 1310720, "data_tokens": 30344,
                              "estimated_start_time": null}%s%s}""".formatted(id, status, FILE_ID, model, suffix,
                trainedTokens, events == null ? "" : ", \"events\": " + events,
                checkpoints == null ? "" : ", \"checkpoints\": " + checkpoints);
    }
}
