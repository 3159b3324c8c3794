package io.tunegate.provider.openai;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.contract.ProviderStubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * OpenAI's fine-tuning API as WireMock stubs, in the shapes of openai-openapi's spec (paths under {@code /v1},
 * 200 answers, {@code ftjob-}/{@code file-} ids, unix-second timestamps, events newest first, the
 * {@code {"error": {message, type, param, code}}} error body). {@code AzureStubs} changes what Azure does
 * differently.
 */
public class OpenAiStubs implements ProviderStubs {

    public static final String API_KEY = "sk-test-key";
    public static final String FILE_ID = "file-abc123";
    static final String MODEL = "ft:gpt-4o-mini-2024-07-18:my-org:support:7q8mpxmy";

    /** Where the API lives on the stub server (the adapter's base URL path). */
    protected String prefix() {
        return "/v1";
    }

    protected int createdStatus() {
        return 200;
    }

    /** Adds what every request must carry beyond the path (Azure: {@code api-version}). */
    protected MappingBuilder on(MappingBuilder mapping) {
        return mapping;
    }

    protected RequestPatternBuilder on(RequestPatternBuilder pattern) {
        return pattern.withHeader("Authorization", equalTo("Bearer " + API_KEY));
    }

    @Override
    public String baseModel() {
        return "gpt-4o-mini";
    }

    @Override
    public String providerModel() {
        return "gpt-4o-mini-2024-07-18";
    }

    @Override
    public String providerJobId() {
        return "ftjob-abc123";
    }

    @Override
    public void stageAccepted(WireMockServer wm) {
        wm.stubFor(on(post(urlPathEqualTo(prefix() + "/files"))).willReturn(json(createdStatus(), file("processed"))));
    }

    protected String file(String status) {
        return """
                {"id": "%s", "object": "file", "bytes": 1234, "created_at": 1721764800, "expires_at": null,
                 "filename": "tunegate.openai-chat.jsonl", "purpose": "fine-tune", "status": "%s", "status_details": null}
                """.formatted(FILE_ID, status);
    }

    @Override
    public MappingBuilder create() {
        return on(post(urlPathEqualTo(prefix() + "/fine_tuning/jobs")));
    }

    @Override
    public ResponseDefinitionBuilder created(String providerJobId) {
        return json(createdStatus(), job(providerJobId, "validating_files", null, null, null, "\"metadata\": null"));
    }

    @Override
    public MappingBuilder getJob(String providerJobId) {
        return on(get(urlPathEqualTo(prefix() + "/fine_tuning/jobs/" + providerJobId)));
    }

    /** A job object as the spec shows it; {@code status} in OpenAI's words ({@link #status} maps phases). */
    public String job(String id, String status, String model, Long trainedTokens, String error, String tag) {
        return """
                {"object": "fine_tuning.job", "id": "%s", "model": "gpt-4o-mini-2024-07-18", "created_at": 1721764800,
                 "fine_tuned_model": %s, "organization_id": "org-123", "result_files": [], "status": "%s",
                 "validation_file": null, "training_file": "%s",
                 "hyperparameters": {"n_epochs": 3, "batch_size": 1, "learning_rate_multiplier": 1.8},
                 "method": {"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 3, "batch_size": 1,
                   "learning_rate_multiplier": 1.8}}},
                 "trained_tokens": %s, "error": %s, "finished_at": null, "seed": 42, "estimated_finish": null,
                 "integrations": null, %s}
                """.formatted(id, model == null ? "null" : "\"" + model + "\"", status, FILE_ID,
                trainedTokens == null ? "null" : trainedTokens, error == null ? "null" : error, tag);
    }

    protected String status(Phase phase) {
        return switch (phase) {
            case QUEUED -> "queued";
            case RUNNING -> "running";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }

    @Override
    public void job(WireMockServer wm, String providerJobId, Phase phase) {
        String body = switch (phase) {
            case SUCCEEDED -> job(providerJobId, status(phase), MODEL, trainedTokens(), null, "\"metadata\": null");
            case FAILED -> job(providerJobId, status(phase), null, null, """
                    {"code": "invalid_training_file", "message": "%s", "param": "training_file"}"""
                    .formatted(failureMessage()), "\"metadata\": null");
            default -> job(providerJobId, status(phase), null, null, null, "\"metadata\": null");
        };
        wm.stubFor(getJob(providerJobId).willReturn(json(200, body)));
        // newest first, as the API lists them
        wm.stubFor(on(get(urlPathEqualTo(prefix() + "/fine_tuning/jobs/" + providerJobId + "/events")))
                .willReturn(json(200, """
                        {"object": "list", "has_more": false, "data": [
                          {"object": "fine_tuning.job.event", "id": "ftevent-4", "created_at": 1721764860, "level": "info",
                           "message": "Step 2/6: training loss=1.02", "type": "metrics",
                           "data": {"step": 2, "train_loss": 1.02, "valid_loss": 1.10, "total_steps": 6,
                                    "train_mean_token_accuracy": 0.61}},
                          {"object": "fine_tuning.job.event", "id": "ftevent-3", "created_at": 1721764850, "level": "info",
                           "message": "Step 1/6: training loss=1.43", "type": "metrics",
                           "data": {"step": 1, "train_loss": 1.43, "total_steps": 6}},
                          {"object": "fine_tuning.job.event", "id": "ftevent-2", "created_at": 1721764840, "level": "info",
                           "message": "Fine-tuning job started", "type": "message", "data": null},
                          {"object": "fine_tuning.job.event", "id": "ftevent-1", "created_at": 1721764800, "level": "info",
                           "message": "Validating training file: file-abc123", "type": "message", "data": {}}
                        ]}""")));
        wm.stubFor(on(get(urlPathEqualTo(prefix() + "/fine_tuning/jobs/" + providerJobId + "/checkpoints")))
                .willReturn(json(200, """
                        {"object": "list", "has_more": false, "first_id": "ftckpt_2", "last_id": "ftckpt_1", "data": [
                          {"object": "fine_tuning.job.checkpoint", "id": "ftckpt_2", "created_at": 1721764900,
                           "fine_tuned_model_checkpoint": "%s:ckpt-step-6", "step_number": 6,
                           "metrics": {"step": 6, "train_loss": 0.41, "valid_loss": 0.52, "full_valid_loss": 0.55},
                           "fine_tuning_job_id": "%s"},
                          {"object": "fine_tuning.job.checkpoint", "id": "ftckpt_1", "created_at": 1721764880,
                           "fine_tuned_model_checkpoint": "%s:ckpt-step-4", "step_number": 4,
                           "metrics": {"step": 4, "train_loss": 0.62, "full_valid_loss": 0.71},
                           "fine_tuning_job_id": "%s"}
                        ]}""".formatted(MODEL, providerJobId, MODEL, providerJobId))));
    }

    @Override
    public void cancelAccepted(WireMockServer wm, String providerJobId) {
        wm.stubFor(on(post(urlPathEqualTo(prefix() + "/fine_tuning/jobs/" + providerJobId + "/cancel")))
                .willReturn(json(200, job(providerJobId, "cancelled", null, null, null, "\"metadata\": null"))));
    }

    @Override
    public void nothingSubmitted(WireMockServer wm) {
        wm.stubFor(on(get(urlPathEqualTo(prefix() + "/fine_tuning/jobs")))
                .willReturn(json(200, "{\"object\": \"list\", \"data\": [], \"has_more\": false}")));
    }

    @Override
    public void submitted(WireMockServer wm, String key, String providerJobId) {
        wm.stubFor(on(get(urlPathEqualTo(prefix() + "/fine_tuning/jobs"))
                .withQueryParam("metadata[tunegate_job_id]", equalTo(key)))
                .willReturn(json(200, "{\"object\": \"list\", \"has_more\": false, \"data\": ["
                        + job(providerJobId, "running", null, null, null,
                        "\"metadata\": {\"tunegate_job_id\": \"" + key + "\"}") + "]}")));
    }

    @Override
    public ResponseDefinitionBuilder error(int status, String message) {
        String code = status == 429 ? "\"rate_limit_exceeded\"" : "null";
        String type = status >= 500 ? "server_error" : status == 429 ? "requests" : "invalid_request_error";
        return json(status, """
                {"error": {"message": "%s", "type": "%s", "param": null, "code": %s}}""".formatted(message, type, code));
    }

    @Override
    public void verifyCreate(WireMockServer wm, SubmitRequest request) {
        wm.verify(on(postRequestedFor(urlPathEqualTo(prefix() + "/files")))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBody(containing("name=\"purpose\"\r\n\r\nfine-tune"))
                .withRequestBody(containing("name=\"file\"; filename=\"tunegate-"))
                .withRequestBody(containing("\"role\":\"assistant\"")));
        wm.verify(on(postRequestedFor(urlPathEqualTo(prefix() + "/fine_tuning/jobs")))
                .withHeader("Content-Type", containing("application/json"))
                .withRequestBody(matchingJsonPath("$.model", equalTo(request.providerModel())))
                .withRequestBody(matchingJsonPath("$.training_file", equalTo(FILE_ID)))
                .withRequestBody(equalToJson(createBody(request), true, true)));
    }

    /** The fields the create body must hold (others may be there too). */
    protected String createBody(SubmitRequest request) {
        return """
                {"model": "%s", "training_file": "%s",
                 "method": {"type": "supervised", "supervised": {"hyperparameters": {"n_epochs": 3}}},
                 "metadata": {"tunegate_job_id": "%s"}}""".formatted(request.providerModel(), FILE_ID,
                request.idempotencyKey());
    }

    @Override
    public void verifyCancel(WireMockServer wm, String providerJobId) {
        wm.verify(1, on(postRequestedFor(urlPathEqualTo(prefix() + "/fine_tuning/jobs/" + providerJobId + "/cancel"))));
    }

    @Override
    public String fineTunedModel() {
        return MODEL;
    }

    @Override
    public String failureMessage() {
        return "The job failed due to an invalid training file. Line 3: missing assistant message";
    }

    @Override
    public Long trainedTokens() {
        return 5768L;
    }

    protected static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
