package io.tunegate.dataset;

import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A dataset's stored bytes, and the same file as a provider would get it, over HTTP. */
class DatasetContentApiTest extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    // Line 2 ends in an untrained turn (dropped for weightless targets), line 4 uses tools.
    private static final String FILE = """
            {"messages": [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "2+2?"}, {"role": "assistant", "content": "4"}]}
            {"messages": [{"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello."}, {"role": "user", "content": "Joke?"}, {"role": "assistant", "content": "No.", "weight": 0}]}

            {"messages": [{"role": "user", "content": "Weather?"}, {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "weather", "arguments": "{}"}}]}, {"role": "tool", "tool_call_id": "c1", "content": "sunny"}, {"role": "assistant", "content": "Sunny."}]}
            """;

    private String upload(String body) {
        TestApi.Response created = api.send(api.request("/v1/datasets?filename=support.jsonl")
                .header("Content-Type", "application/jsonl").POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private TestApi.Response get(String path, String accept) {
        return api.send(api.request(path).header("Accept", accept).GET().build());
    }

    private static List<JsonNode> jsonLines(String body) {
        return body.lines().map(JSON::readTree).toList();
    }

    @Test
    void theStoredBytesComeBackUnchanged() {
        String id = upload(FILE);

        TestApi.Response content = api.get("/v1/datasets/" + id + "/content");

        assertThat(content.status()).isEqualTo(200);
        assertThat(content.header("Content-Type")).startsWith("application/jsonl");
        assertThat(content.header("Content-Length")).isEqualTo(String.valueOf(FILE.getBytes().length));
        assertThat(content.header("Content-Disposition")).contains("support.jsonl");
        assertThat(content.body()).isEqualTo(FILE);
    }

    @Test
    void aFormatStreamsTheTranslationAndItsReportSaysWhatWasSkipped() {
        String id = upload(FILE);

        TestApi.Response vertex = get("/v1/datasets/" + id + "/content?format=vertex-gemini", "application/jsonl");

        assertThat(vertex.status()).as(vertex.body()).isEqualTo(200);
        assertThat(vertex.header("Content-Type")).startsWith("application/jsonl");
        assertThat(vertex.header("Content-Disposition")).contains("support.vertex-gemini.jsonl");
        assertThat(jsonLines(vertex.body())).containsExactly(
                JSON.readTree("""
                        {"systemInstruction": {"role": "system", "parts": [{"text": "You are terse."}]},
                         "contents": [{"role": "user", "parts": [{"text": "2+2?"}]}, {"role": "model", "parts": [{"text": "4"}]}]}"""),
                JSON.readTree("""
                        {"contents": [{"role": "user", "parts": [{"text": "Hi"}]}, {"role": "model", "parts": [{"text": "Hello."}]}]}"""));

        JsonNode report = api.get("/v1/datasets/" + id + "/translations/vertex-gemini").json();
        assertThat(report).isEqualTo(JSON.readTree("""
                {"format": "vertex-gemini", "lines": 4, "examples": 3, "written": 2, "skipped": 1,
                 "skipped_by_reason": {"tools_unsupported": {"count": 1, "lines": [4]}}}"""));

        TestApi.Response openAi = api.get("/v1/datasets/" + id + "/content?format=openai-chat");
        assertThat(jsonLines(openAi.body())).hasSize(3).first().isEqualTo(jsonLines(FILE).getFirst());
    }

    @Test
    void anUnknownFormatIsAProblemListingTheFormats() {
        String id = upload(FILE);

        // Each with what a client of that path accepts: the content is JSONL, the report JSON.
        for (String path : List.of("/content?format=gemini", "/content?format=", "/translations/gemini")) {
            TestApi.Response refused = get("/v1/datasets/" + id + path,
                    path.startsWith("/content") ? "application/jsonl" : "application/json");
            assertThat(refused.status()).as(path).isEqualTo(400);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            JsonNode problem = refused.json();
            assertThat(problem.get("type").asString()).endsWith("/invalid-request");
            assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("format");
            assertThat(problem.get("detail").asString()).contains("vertex-gemini", "bedrock-claude", "mistral-chat");
        }
    }

    @Test
    void anotherProjectsDatasetIsNotFound() {
        String id = upload(FILE);
        TestApi stranger = TestApi.newProject(port, projects);

        assertThat(stranger.get("/v1/datasets/" + id + "/content").status()).isEqualTo(404);
        assertThat(stranger.get("/v1/datasets/" + id + "/content?format=openai-chat").status()).isEqualTo(404);
        assertThat(stranger.get("/v1/datasets/" + id + "/translations/openai-chat").status()).isEqualTo(404);
        assertThat(api.get("/v1/datasets/ds-00000000-0000-0000-0000-000000000000/content").status()).isEqualTo(404);
        assertThat(api.get("/v1/datasets/not-a-dataset/content").status()).isEqualTo(404);
    }

    @Test
    void anInvalidDatasetCanBeReadAndItsBadLinesAreReported() {
        String id = upload("{\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}, {\"role\": \"assistant\", \"content\": \"Yo\"}]}\nnot json\n");

        JsonNode report = api.get("/v1/datasets/" + id + "/translations/bedrock-claude").json();

        assertThat(report.get("written").asLong()).isEqualTo(1);
        assertThat(report.get("skipped_by_reason").get("invalid_json").get("lines").get(0).asLong()).isEqualTo(2);
        assertThat(api.get("/v1/datasets/" + id + "/content").body()).endsWith("not json\n");
    }
}
