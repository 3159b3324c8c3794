package io.tunegate.provider.together;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.contract.ProviderStubs;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Together's API in its real shapes (reference §5, official Python SDK): the 302 upload redirect with
 * {@code Location} and {@code X-Together-File-Id}, the pre-signed PUT (served by the same WireMock), preprocess,
 * {@code /fine-tunes} jobs with lowercase statuses, events without ids, {@code {"error":{...}}} error bodies.
 */
class TogetherStubs implements ProviderStubs {

    static final String API_KEY = "test-together-key";
    static final String FILE_ID = "file-7c3e1d2a-5b6f-4e8a-9c0d-1f2e3a4b5c6d";
    static final String UPLOAD_PATH = "/together-uploads/presigned/" + FILE_ID;
    static final String JOB_ID = "ft-3b883474-f39c-40d9-9d5a-7f97ba9eeb9f";
    static final String MODEL_OUTPUT = "tunegate-test/Meta-Llama-3.1-8B-Instruct-Reference-contract-5e1a7c9d";

    @Override
    public String baseModel() {
        return "llama-3.1-8b-instruct";
    }

    @Override
    public String providerModel() {
        return "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference";
    }

    @Override
    public String providerJobId() {
        return JOB_ID;
    }

    @Override
    public void stageAccepted(WireMockServer wm) {
        wm.stubFor(get(urlEqualTo("/v1/files")).willReturn(okJson("{\"object\":\"list\",\"data\":[]}")));
        wm.stubFor(post(urlEqualTo("/v1/files")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + wm.port() + UPLOAD_PATH + "?X-Amz-Signature=abc123")
                .withHeader("X-Together-File-Id", FILE_ID)));
        wm.stubFor(put(urlPathMatching(UPLOAD_PATH)).willReturn(aResponse().withStatus(200)));
        wm.stubFor(post(urlEqualTo("/v1/files/" + FILE_ID + "/preprocess"))
                .willReturn(okJson(file("tunegate-0123-together-chat.jsonl", true))));
        wm.stubFor(get(urlEqualTo("/v1/files/" + FILE_ID))
                .willReturn(okJson(file("tunegate-0123-together-chat.jsonl", true))));
    }

    static String file(String filename, boolean processed) {
        return """
                {"id": "%s", "object": "file", "created_at": 1732190400, "type": "jsonl", "purpose": "fine-tune",
                 "filename": "%s", "bytes": 1234, "line_count": 10, "processed": %s}
                """.formatted(FILE_ID, filename, processed);
    }

    @Override
    public MappingBuilder create() {
        return post(urlEqualTo("/v1/fine-tunes"));
    }

    @Override
    public ResponseDefinitionBuilder created(String providerJobId) {
        return okJson(job(providerJobId, "pending", null, null, null));
    }

    static String job(String id, String status, String suffix, String outputName, String extra) {
        return """
                {"id": "%s", "training_file": "%s", "validation_file": "", "model": "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
                 "model_output_name": %s, "adapter_output_name": null, "n_epochs": 3, "n_checkpoints": 1, "n_evals": 0,
                 "batch_size": 8, "learning_rate": 0.00001, "warmup_ratio": 0, "training_type": {"type": "Lora", "lora_r": 8, "lora_alpha": 16},
                 "created_at": "2026-11-21T10:00:00.000Z", "updated_at": "2026-11-21T10:05:00.000Z", "status": "%s",
                 "job_id": "", "events": [], "suffix": %s, "queue_depth": 0%s}
                """.formatted(id, FILE_ID, quoted(outputName), status, quoted(suffix), extra == null ? "" : ", " + extra);
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    @Override
    public MappingBuilder getJob(String providerJobId) {
        return get(urlEqualTo("/v1/fine-tunes/" + providerJobId));
    }

    @Override
    public void job(WireMockServer wm, String providerJobId, Phase phase) {
        String events = switch (phase) {
            case QUEUED -> events(event("2026-11-21T10:00:01Z", "JOB_PENDING", "Info", "Fine tune request created"));
            case RUNNING -> events(running());
            case SUCCEEDED -> events(running() + ","
                    + event("2026-11-21T11:00:00Z", "JOB_COMPLETE", "Info", "Job finished at 2026-11-21 11:00:00"));
            case FAILED -> events(running() + ","
                    + event("2026-11-21T10:30:00Z", "JOB_ERROR", "Error", failureMessage()));
            case CANCELLED -> events(running() + ","
                    + event("2026-11-21T10:20:00Z", "JOB_STOPPED", "Info", "Training job stopped by user"));
        };
        String body = switch (phase) {
            case QUEUED -> job(providerJobId, "queued", null, null, "\"total_steps\": 0, \"steps_completed\": 0");
            case RUNNING -> job(providerJobId, "running", null, null,
                    "\"total_steps\": 120, \"steps_completed\": 30, \"epochs_completed\": 0, \"token_count\": 41152");
            case SUCCEEDED -> job(providerJobId, "completed", null, fineTunedModel(),
                    "\"total_steps\": 120, \"steps_completed\": 120, \"epochs_completed\": 3, \"token_count\": "
                            + trainedTokens() + ", \"total_price\": 5925");
            case FAILED -> job(providerJobId, "error", null, null, "\"total_steps\": 120, \"steps_completed\": 31");
            case CANCELLED -> job(providerJobId, "cancelled", null, null, "\"total_steps\": 120, \"steps_completed\": 40");
        };
        wm.stubFor(getJob(providerJobId).willReturn(okJson(body)));
        wm.stubFor(get(urlEqualTo("/v1/fine-tunes/" + providerJobId + "/events")).willReturn(okJson(events)));
    }

    private static String running() {
        return event("2026-11-21T10:00:01Z", "JOB_PENDING", "Info", "Fine tune request created") + ","
                + event("2026-11-21T10:02:00Z", "JOB_START", "Info", "Job started at 2026-11-21 10:02:00") + ","
                + event("2026-11-21T10:03:00Z", "MODEL_DOWNLOAD_COMPLETE", "Info", "Model data downloaded") + ","
                + event("2026-11-21T10:04:00Z", "TRAINING_START", "Info", "Training started for model "
                + "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference");
    }

    static String event(String at, String type, String level, String message) {
        return """
                {"object": "fine-tune-event", "created_at": "%s", "level": "%s", "message": "%s", "type": "%s",
                 "param_count": 0, "token_count": 0, "wandb_url": "", "hash": ""}""".formatted(at, level, message, type);
    }

    static String events(String items) {
        return "{\"object\": \"list\", \"data\": [" + items + "]}";
    }

    @Override
    public void cancelAccepted(WireMockServer wm, String providerJobId) {
        wm.stubFor(post(urlEqualTo("/v1/fine-tunes/" + providerJobId + "/cancel"))
                .willReturn(okJson(job(providerJobId, "cancel_requested", null, null, null))));
    }

    @Override
    public void nothingSubmitted(WireMockServer wm) {
        wm.stubFor(get(urlEqualTo("/v1/fine-tunes")).willReturn(okJson("{\"object\": \"list\", \"data\": ["
                + job("ft-00000000-1111-2222-3333-444444444444", "completed", "someone-else",
                "tunegate-test/Meta-Llama-3.1-8B-Instruct-Reference-someone-else-1a2b3c4d", null) + "]}")));
    }

    @Override
    public void submitted(WireMockServer wm, String key, String providerJobId) {
        wm.stubFor(get(urlEqualTo("/v1/fine-tunes")).willReturn(okJson("{\"object\": \"list\", \"data\": ["
                + job("ft-00000000-1111-2222-3333-444444444444", "completed", "someone-else", null, null) + ","
                + job(providerJobId, "running", key,
                "tunegate-test/Meta-Llama-3.1-8B-Instruct-Reference-" + key + "-9f8e7d6c", null) + "]}")));
    }

    @Override
    public ResponseDefinitionBuilder error(int status, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"" + message + "\", \"type\": \"invalid_request_error\", "
                        + "\"param\": null, \"code\": null}}");
    }

    @Override
    public void verifyCreate(WireMockServer wm, SubmitRequest request) {
        wm.verify(postRequestedFor(urlEqualTo("/v1/files"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
                .withRequestBody(matching("purpose=fine-tune&file_name=tunegate-[0-9a-f]{64}-together-chat\\.jsonl"
                        + "&file_type=jsonl")));
        wm.verify(putRequestedFor(urlPathMatching(UPLOAD_PATH)).withHeader("Authorization", absent())
                .withRequestBody(containing("Capital of France?")));
        wm.verify(postRequestedFor(urlEqualTo("/v1/files/" + FILE_ID + "/preprocess"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY)));
        wm.verify(postRequestedFor(urlEqualTo("/v1/fine-tunes"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY))
                .withRequestBody(equalToJson("""
                        {"training_file": "%s", "model": "%s", "n_epochs": 3, "suffix": "%s",
                         "training_method": {"method": "sft"}}""".formatted(FILE_ID, request.providerModel(),
                        request.idempotencyKey()))));
    }

    @Override
    public void verifyCancel(WireMockServer wm, String providerJobId) {
        wm.verify(postRequestedFor(urlEqualTo("/v1/fine-tunes/" + providerJobId + "/cancel"))
                .withHeader("Authorization", equalTo("Bearer " + API_KEY)));
    }

    @Override
    public String fineTunedModel() {
        return MODEL_OUTPUT;
    }

    @Override
    public String failureMessage() {
        return "Training data contains a line that is not valid JSON (line 7)";
    }

    @Override
    public Long trainedTokens() {
        return 123456L;
    }

    @Override
    public boolean reportsMetrics() {
        // Together pushes losses to W&B only; it has no metrics endpoint
        return false;
    }
}
