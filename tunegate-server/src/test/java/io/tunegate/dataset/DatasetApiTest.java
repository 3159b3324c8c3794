package io.tunegate.dataset;

import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import io.tunegate.platform.TunegateSettings;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;

/** Uploads over HTTP: validated, counted, stored by content hash, and usable by jobs. */
class DatasetApiTest extends GatewayIntegrationTest {

    private static final String GOOD = """
            {"messages": [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello."}]}
            {"messages": [{"role": "user", "content": "2+2?"}, {"role": "assistant", "content": "4"}]}
            """;

    @Autowired
    TunegateSettings settings;

    private TestApi.Response upload(String body, String query) {
        return api.send(api.request("/v1/datasets" + query).header("Content-Type", "application/jsonl")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String sha256(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aValidFileIsStoredByItsHashWithAReport() throws Exception {
        TestApi.Response created = upload(GOOD, "?filename=support.jsonl&base_model=gpt-4o-mini-2024-07-18");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode dataset = created.json();
        String id = dataset.get("id").asString();
        assertThat(id).startsWith("ds-");
        assertThat(created.header("Location")).isEqualTo("/v1/datasets/" + id);
        assertThat(dataset.get("status").asString()).isEqualTo("valid");
        assertThat(dataset.get("format").asString()).isEqualTo("chat");
        assertThat(dataset.get("examples").asLong()).isEqualTo(2);
        assertThat(dataset.get("filename").asString()).isEqualTo("support.jsonl");
        assertThat(dataset.get("tokenizer").asString()).isEqualTo("o200k_base");
        assertThat(dataset.get("sha256").asString()).isEqualTo(sha256(GOOD));
        assertThat(dataset.get("bytes").asLong()).isEqualTo(GOOD.getBytes(StandardCharsets.UTF_8).length);
        JsonNode tokens = dataset.get("report").get("tokens");
        assertThat(tokens.get("exactness").asString()).isEqualTo("exact");
        assertThat(tokens.get("total").asLong()).isPositive();

        String hash = dataset.get("sha256").asString();
        Path stored = settings.dataDir().resolve("datasets/sha256/" + hash.substring(0, 2) + "/" + hash + ".jsonl");
        assertThat(Files.readString(stored)).isEqualTo(GOOD);

        TestApi.Response again = upload(GOOD, "");
        assertThat(again.json().get("id").asString()).isNotEqualTo(id);
        assertThat(again.json().get("sha256").asString()).isEqualTo(hash);
        try (var files = Files.list(stored.getParent())) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith(hash))).hasSize(1);
        }
        assertThat(api.get("/v1/datasets/" + id).json().get("report").get("examples").asLong()).isEqualTo(2);
        assertThat(api.get("/v1/datasets").json().get("data")).hasSize(2);
    }

    @Test
    void aBadFileIsStoredAsInvalidWithItsErrorsAndJobsRefuseIt() {
        TestApi.Response created = upload("{\"messages\": []}\nnot json\n", "");
        assertThat(created.status()).isEqualTo(201);
        JsonNode dataset = created.json();
        assertThat(dataset.get("status").asString()).isEqualTo("invalid");
        JsonNode errors = dataset.get("report").get("errors");
        assertThat(errors.get("missing_messages").get("lines").get(0).asLong()).isEqualTo(1);
        assertThat(errors.get("invalid_json").get("lines").get(0).asLong()).isEqualTo(2);

        String job = Jobs.request("uses-bad-data").replace(Jobs.DATASET, dataset.get("id").asString());
        TestApi.Response refused = api.post("/v1/jobs", job);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("training_data");
    }

    @Test
    void jobsTrainOnAValidDatasetOfTheirOwnProjectOnly() {
        String id = upload(GOOD, "").json().get("id").asString();
        String job = Jobs.request("uses-dataset").replace(Jobs.DATASET, id);
        assertThat(api.post("/v1/jobs", job).status()).isEqualTo(201);

        TestApi stranger = TestApi.newProject(port, projects);
        assertThat(stranger.get("/v1/datasets/" + id).status()).isEqualTo(404);
        TestApi.Response refused = stranger.post("/v1/jobs", job);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("no dataset");
    }

    private TestApi.Response multipart(String... parts) {
        String boundary = "tunegate-test-boundary";
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < parts.length; i += 2) {
            body.append("--").append(boundary).append("\r\n").append(parts[i]).append("\r\n\r\n")
                    .append(parts[i + 1]).append("\r\n");
        }
        body.append("--").append(boundary).append("--\r\n");
        return api.send(api.request("/v1/datasets")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
    }

    @Test
    void aMultipartUploadIsStreamedLikeARawOne() throws Exception {
        TestApi.Response created = multipart(
                "Content-Disposition: form-data; name=\"purpose\"", "fine-tune",
                "Content-Disposition: form-data; name=\"file\"; filename=\"chat.jsonl\"\r\nContent-Type: application/jsonl",
                GOOD.stripTrailing());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode dataset = created.json();
        assertThat(dataset.get("filename").asString()).isEqualTo("chat.jsonl");
        assertThat(dataset.get("status").asString()).isEqualTo("valid");
        assertThat(dataset.get("examples").asLong()).isEqualTo(2);
        assertThat(dataset.get("sha256").asString()).isEqualTo(sha256(GOOD.stripTrailing()));

        TestApi.Response noFile = multipart("Content-Disposition: form-data; name=\"purpose\"", "fine-tune");
        assertThat(noFile.status()).isEqualTo(400);
        assertThat(noFile.json().get("errors").get(0).get("field").asString()).isEqualTo("file");
    }

    @Test
    void emptyAndOversizedUploadsAreRefused() {
        TestApi.Response empty = upload("", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.header("Content-Type")).startsWith("application/problem+json");

        String line = "{\"messages\": [{\"role\": \"user\", \"content\": \"" + "x".repeat(1000) + "\"}, "
                + "{\"role\": \"assistant\", \"content\": \"y\"}]}\n";
        TestApi.Response tooLarge = upload(line.repeat(2200), "");
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(api.get("/v1/datasets").json().get("data")).isEmpty();
    }
}
