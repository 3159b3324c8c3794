package io.tunegate.openaiapi;

import io.tunegate.security.IssuedKey;
import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The exact JSON of /openai/v1 where the SDK hides it: object shapes, nulls, envelopes and error bodies. */
class OpenAiWireFormatTest extends GatewayIntegrationTest {

    private static final String BASE = "/openai/v1";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String> JOB_FIELDS = List.of("id", "object", "created_at", "error", "fine_tuned_model",
            "finished_at", "hyperparameters", "model", "organization_id", "result_files", "seed", "status",
            "trained_tokens", "training_file", "validation_file", "estimated_finish", "integrations", "metadata",
            "method");

    private TestApi openai;
    private String key;

    @BeforeEach
    void newProject() {
        IssuedKey issued = projects.issueKey(projects.create("wire-" + UUID.randomUUID()), "wire");
        key = issued.key();
        openai = TestApi.withKey(port, key);
    }

    private String uploadFile(String filename, String jsonl, String purpose) {
        TestApi.Response response = multipart(filename, jsonl, purpose);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().get("id").asString();
    }

    private TestApi.Response multipart(String filename, String jsonl, String purpose) {
        String boundary = "----tunegate" + UUID.randomUUID();
        // the file before the purpose, as some clients send it
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n" + jsonl + "\r\n"
                + (purpose == null ? "" : "--" + boundary + "\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\n"
                + purpose + "\r\n")
                + "--" + boundary + "--\r\n";
        return openai.send(openai.request(BASE + "/files")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void assertOpenAiError(TestApi.Response response, int status, String type, String param,
                                          String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        JsonNode error = response.json().get("error");
        assertThat(response.json().properties()).hasSize(1);
        assertThat(error.get("message").asString()).isNotBlank();
        assertThat(error.get("type").asString()).isEqualTo(type);
        assertThat(error.get("param").isNull() ? null : error.get("param").asString()).isEqualTo(param);
        assertThat(error.get("code").isNull() ? null : error.get("code").asString()).isEqualTo(code);
    }

    @Test
    void aFineTuningJobHasEveryFieldOfOpenAisObjectNullsIncluded() {
        String file = uploadFile("train.jsonl", TestApi.SAMPLE_DATASET, "fine-tune");
        TestApi.Response created = openai.post(BASE + "/fine_tuning/jobs", """
                {"model": "gpt-4o-mini", "training_file": "%s", "hyperparameters": {"n_epochs": 2},
                 "suffix": "wire", "seed": 42, "integrations": null,
                 "metadata": {"tunegate_provider": "sandbox", "tunegate_budget_limit": "10"}}""".formatted(file));
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        JsonNode job = created.json();
        assertThat(job.propertyNames()).containsExactlyInAnyOrderElementsOf(JOB_FIELDS);
        assertThat(job.get("object").asString()).isEqualTo("fine_tuning.job");
        assertThat(job.get("created_at").isIntegralNumber()).isTrue();
        assertThat(job.get("created_at").asLong()).isBetween(System.currentTimeMillis() / 1000 - 60,
                System.currentTimeMillis() / 1000 + 1);
        for (String nullField : List.of("error", "fine_tuned_model", "finished_at", "trained_tokens",
                "validation_file", "estimated_finish", "metadata")) {
            assertThat(job.get(nullField).isNull()).as(nullField).isTrue();
        }
        assertThat(job.get("result_files").isArray()).isTrue();
        assertThat(job.get("seed").isIntegralNumber()).isTrue();
        assertThat(job.get("hyperparameters").toString())
                .isEqualTo("{\"batch_size\":\"auto\",\"learning_rate_multiplier\":\"auto\",\"n_epochs\":2}");
        assertThat(job.get("method").toString()).isEqualTo("{\"type\":\"supervised\",\"supervised\":{\"hyperparameters\":"
                + "{\"batch_size\":\"auto\",\"learning_rate_multiplier\":\"auto\",\"n_epochs\":2}}}");
        String id = job.get("id").asString();
        // the budget limit reached the job
        assertThat(openai.get("/v1/jobs/" + id).json().get("budget_limit").decimalValue()).isEqualByComparingTo("10");

        await().atMost(Duration.ofSeconds(30)).until(() ->
                openai.get(BASE + "/fine_tuning/jobs/" + id).json().get("status").asString().equals("succeeded"));
        JsonNode done = openai.get(BASE + "/fine_tuning/jobs/" + id).json();
        assertThat(done.get("finished_at").isIntegralNumber()).isTrue();
        assertThat(done.get("fine_tuned_model").asString()).startsWith("sandbox:");

        JsonNode events = openai.get(BASE + "/fine_tuning/jobs/" + id + "/events?limit=100").json();
        assertThat(events.propertyNames()).containsExactlyInAnyOrder("object", "data", "has_more");
        assertThat(events.get("has_more").asBoolean()).isFalse();
        List<JsonNode> metrics = new ArrayList<>();
        events.get("data").forEach(e -> {
            assertThat(e.get("object").asString()).isEqualTo("fine_tuning.job.event");
            assertThat(e.get("id").asString()).startsWith("ftevent-" + id + "-");
            if (e.get("type").asString().equals("metrics")) {
                metrics.add(e);
            }
        });
        assertThat(metrics).hasSize(4);
        JsonNode last = metrics.getFirst().get("data");
        assertThat(last.get("step").asInt()).isEqualTo(4);
        assertThat(last.get("train_loss").isNumber()).isTrue();

        JsonNode checkpoints = openai.get(BASE + "/fine_tuning/jobs/" + id + "/checkpoints").json();
        assertThat(checkpoints.propertyNames()).containsExactlyInAnyOrder("object", "data", "has_more", "first_id",
                "last_id");
        JsonNode checkpoint = checkpoints.get("data").get(0);
        assertThat(checkpoint.get("object").asString()).isEqualTo("fine_tuning.job.checkpoint");
        assertThat(checkpoints.get("first_id").asString()).isEqualTo(checkpoint.get("id").asString());
        assertThat(checkpoint.get("metrics").get("train_loss").asDouble())
                .isEqualTo(last.get("train_loss").asDouble());
        JsonNode limited = openai.get(BASE + "/fine_tuning/jobs/" + id + "/checkpoints?limit=1").json();
        assertThat(limited.get("data")).hasSize(1);
        assertThat(limited.get("has_more").asBoolean()).isFalse();
        // after the only checkpoint, nothing
        assertThat(openai.get(BASE + "/fine_tuning/jobs/" + id + "/checkpoints?after=" + checkpoint.get("id").asString())
                .json().get("data")).isEmpty();

        TestApi.Response conflict = openai.post(BASE + "/fine_tuning/jobs/" + id + "/cancel", "");
        assertOpenAiError(conflict, 409, "invalid_request_error", null, "conflict");
        assertThat(conflict.header("x-should-retry")).isEqualTo("false");
    }

    @Test
    void filesHaveOpenAisShapeAndTheirListFirstAndLastIds() {
        String first = uploadFile("a.jsonl", TestApi.SAMPLE_DATASET, "fine-tune");
        String second = uploadFile("b.jsonl", TestApi.SAMPLE_DATASET, "fine-tune");
        JsonNode file = openai.get(BASE + "/files/" + first).json();
        assertThat(file.propertyNames()).containsExactlyInAnyOrder("id", "object", "bytes", "created_at", "expires_at",
                "filename", "purpose", "status", "status_details");
        assertThat(file.get("object").asString()).isEqualTo("file");
        assertThat(file.get("purpose").asString()).isEqualTo("fine-tune");
        assertThat(file.get("status").asString()).isEqualTo("processed");

        JsonNode list = openai.get(BASE + "/files?limit=1").json();
        assertThat(list.get("object").asString()).isEqualTo("list");
        assertThat(list.get("has_more").asBoolean()).isTrue();
        assertThat(list.get("first_id").asString()).isEqualTo(second);
        assertThat(list.get("last_id").asString()).isEqualTo(second);
        JsonNode next = openai.get(BASE + "/files?limit=1&after=" + second).json();
        assertThat(next.get("data").get(0).get("id").asString()).isEqualTo(first);
        assertThat(next.get("has_more").asBoolean()).isFalse();
        JsonNode ascending = openai.get(BASE + "/files?order=asc").json();
        assertThat(ascending.get("first_id").asString()).isEqualTo(first);
        assertThat(openai.get(BASE + "/files?purpose=batch").json().get("data")).isEmpty();

        TestApi.Response content = openai.get(BASE + "/files/" + first + "/content");
        assertThat(content.status()).isEqualTo(200);
        assertThat(content.body()).isEqualTo(TestApi.SAMPLE_DATASET);
    }

    @Test
    void anInvalidFileIsKeptAsErrorAndJobsRefuseIt() {
        String file = uploadFile("bad.jsonl", "{\"messages\": []}\nnot json\n", "fine-tune");
        JsonNode view = openai.get(BASE + "/files/" + file).json();
        assertThat(view.get("status").asString()).isEqualTo("error");
        assertThat(view.get("status_details").asString()).contains("/v1/datasets/" + file);
        TestApi.Response refused = openai.post(BASE + "/fine_tuning/jobs", """
                {"model": "gpt-4o-mini", "training_file": "%s"}""".formatted(file));
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("error").get("param").asString()).isEqualTo("training_file");
    }

    @Test
    void anUploadWithoutFineTunePurposeIsRefusedAndNotKept() {
        assertOpenAiError(multipart("a.jsonl", TestApi.SAMPLE_DATASET, "batch"), 400, "invalid_request_error",
                "purpose", "invalid_value");
        assertOpenAiError(multipart("a.jsonl", TestApi.SAMPLE_DATASET, null), 400, "invalid_request_error",
                "purpose", "missing_required_parameter");
        assertThat(openai.get(BASE + "/files").json().get("data")).isEmpty();
        assertThat(openai.get("/v1/datasets").json().get("data")).isEmpty();
    }

    @Test
    void aFileInUseByAnUnfinishedJobCannotBeDeleted() {
        String file = uploadFile("train.jsonl", TestApi.SAMPLE_DATASET, "fine-tune");
        String job = openai.post(BASE + "/fine_tuning/jobs", """
                {"model": "gpt-4o-mini", "training_file": "%s"}""".formatted(file)).json().get("id").asString();
        TestApi.Response refused = openai.send(openai.request(BASE + "/files/" + file).DELETE().build());
        assertOpenAiError(refused, 409, "invalid_request_error", "id", "file_in_use");
        assertThat(refused.json().get("error").get("message").asString()).contains("not ended");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                openai.get(BASE + "/fine_tuning/jobs/" + job).json().get("status").asString().equals("succeeded"));
        TestApi.Response deleted = openai.send(openai.request(BASE + "/files/" + file).DELETE().build());
        assertThat(deleted.json().toString()).isEqualTo("{\"id\":\"" + file + "\",\"object\":\"file\",\"deleted\":true}");
        // a file the project no longer has, or never had, is 404 naming the id
        assertOpenAiError(openai.send(openai.request(BASE + "/files/" + file).DELETE().build()), 404,
                "invalid_request_error", "id", "not_found");
        assertOpenAiError(openai.send(openai.request(BASE + "/files/file-abc").DELETE().build()), 404,
                "invalid_request_error", "id", "not_found");
    }

    @Test
    void aCreateRetriedWithItsIdempotencyKeyAnswersTheSameJob() {
        String file = uploadFile("train.jsonl", TestApi.SAMPLE_DATASET, "fine-tune");
        String body = """
                {"model": "gpt-4o-mini", "training_file": "%s"}""".formatted(file);
        TestApi.Response first = openai.post(BASE + "/fine_tuning/jobs", body, "Idempotency-Key", "retry-1");
        TestApi.Response again = openai.post(BASE + "/fine_tuning/jobs", body, "Idempotency-Key", "retry-1");
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("object").asString()).isEqualTo("fine_tuning.job");
        assertThat(again.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(openai.get(BASE + "/fine_tuning/jobs").json().get("data")).hasSize(1);
    }

    @Test
    void everyErrorUnderThePathIsOpenAiShaped() {
        TestApi anonymous = TestApi.withKey(port, null);
        assertOpenAiError(anonymous.get(BASE + "/fine_tuning/jobs"), 401, "invalid_request_error", null,
                "invalid_api_key");
        assertOpenAiError(TestApi.withKey(port, "wrong-key-wrong-key-wrong").get(BASE + "/files"), 401,
                "invalid_request_error", null, "invalid_api_key");
        assertOpenAiError(openai.get(BASE + "/fine_tuning/jobs/" + UUID.randomUUID()), 404, "invalid_request_error",
                null, "not_found");
        assertOpenAiError(openai.get(BASE + "/fine_tuning/jobs/ftjob-abc"), 404, "invalid_request_error", "id",
                "not_found");
        assertOpenAiError(openai.get(BASE + "/files/file-abc"), 404, "invalid_request_error", null, "not_found");
        assertOpenAiError(openai.get(BASE + "/no/such/path"), 404, "invalid_request_error", null, "not_found");
        assertOpenAiError(openai.send(openai.request(BASE + "/fine_tuning/jobs").DELETE().build()), 405,
                "invalid_request_error", null, "method_not_allowed");
        assertOpenAiError(openai.post(BASE + "/fine_tuning/jobs", "{\"model\": "), 400, "invalid_request_error",
                null, "malformed_json");
        assertOpenAiError(openai.send(openai.request(BASE + "/fine_tuning/jobs").header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("a,b")).build()), 415, "invalid_request_error", null,
                "unsupported_media_type");
        assertOpenAiError(openai.post(BASE + "/fine_tuning/jobs", "{\"model\": \"" + "x".repeat(70_000) + "\"}"),
                413, "invalid_request_error", null, "payload_too_large");
        assertOpenAiError(openai.post(BASE + "/fine_tuning/jobs", "{\"training_file\": \"ds-x\"}"), 400,
                "invalid_request_error", "model", "missing_required_parameter");
        assertOpenAiError(openai.post(BASE + "/fine_tuning/jobs", "{\"model\": \"m\", \"training_file\": \"ds-"
                + UUID.randomUUID() + "\", \"stream\": true}"), 400, "invalid_request_error", "stream", "invalid_value");
        assertOpenAiError(openai.get(BASE + "/fine_tuning/jobs?limit=0"), 400, "invalid_request_error", "limit",
                "invalid_value");

        String file = uploadFile("train.jsonl", TestApi.SAMPLE_DATASET, "fine-tune");
        assertOpenAiError(openai.post(BASE + "/fine_tuning/jobs", """
                        {"model": "gpt-4o-mini", "training_file": "%s", "metadata": {"tunegate_provider": "sandbox",
                         "tunegate_budget_limit": "0.000001"}}""".formatted(file)), 402, "insufficient_quota", null,
                "budget_exceeded");
        assertOpenAiError(openai.post(BASE + "/fine_tuning/jobs", """
                        {"model": "gpt-4o-mini", "training_file": "%s",
                         "metadata": {"tunegate_budget_limit": "ten dollars"}}""".formatted(file)), 400,
                "invalid_request_error", "metadata.tunegate_budget_limit", "invalid_value");
        assertOpenAiError(openai.post(BASE + "/fine_tuning/jobs", """
                        {"model": "gpt-4o-mini", "training_file": "%s",
                         "metadata": {"tunegate_fallback_providers": "sandbox,nowhere"}}""".formatted(file)), 400,
                "invalid_request_error", "metadata.tunegate_fallback_providers", "invalid_request");
        assertOpenAiError(openai.post(BASE + "/fine_tuning/jobs", """
                        {"model": "gpt-4o-mini", "training_file": "%s",
                         "method": {"type": "supervised", "supervised": {"hyperparameters": {"beta": 0.1}}}}"""
                        .formatted(file)), 400, "invalid_request_error", "method.supervised.hyperparameters.beta",
                "invalid_value");
        // OpenAI's SDKs stop retrying a client error that will not change
        assertThat(openai.get(BASE + "/fine_tuning/jobs/" + UUID.randomUUID()).header("x-should-retry"))
                .isEqualTo("false");
    }

    @Test
    void v1KeepsItsProblemJson() {
        TestApi.Response v1 = openai.get("/v1/jobs/" + UUID.randomUUID());
        assertThat(v1.status()).isEqualTo(404);
        assertThat(v1.header("Content-Type")).startsWith("application/problem+json");
        assertThat(TestApi.withKey(port, null).get("/v1/jobs").header("Content-Type"))
                .startsWith("application/problem+json");
    }

    @Test
    void theMetadataFilterWorksWithTheBracketsUnencodedAsCurlSendsThem() throws Exception {
        String file = uploadFile("train.jsonl", TestApi.SAMPLE_DATASET, "fine-tune");
        String tagged = openai.post(BASE + "/fine_tuning/jobs", """
                {"model": "gpt-4o-mini", "training_file": "%s", "metadata": {"team": "brackets"}}""".formatted(file))
                .json().get("id").asString();
        openai.post(BASE + "/fine_tuning/jobs", """
                {"model": "gpt-4o-mini", "training_file": "%s", "metadata": {"team": "other"}}""".formatted(file));

        // java.net.URI refuses '[' in a query, so the request goes over a plain socket, byte for byte
        String answer;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET " + BASE + "/fine_tuning/jobs?metadata[team]=brackets HTTP/1.1\r\n"
                    + "Host: localhost\r\nAuthorization: Bearer " + key + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(answer).startsWith("HTTP/1.1 200");
        JsonNode list = JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
        assertThat(list.get("data")).hasSize(1);
        assertThat(list.get("data").get(0).get("id").asString()).isEqualTo(tagged);
    }
}
