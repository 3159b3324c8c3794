package io.tunegate.job;

import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every class of bad input gets a 4xx problem+json that names the problem, and changes nothing. */
class BadInputTest extends GatewayIntegrationTest {


    long jobsBefore;

    @BeforeEach
    void countJobs() {
        jobsBefore = jobCount();
    }

    @AfterEach
    void nothingChanged() {
        assertThat(jobCount()).isEqualTo(jobsBefore);
    }

    private long jobCount() {
        return jdbc.sql("select count(*) from jobs").query(Long.class).single();
    }

    private static JsonNode problem(TestApi.Response r, int status, String typeSuffix) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = r.json();
        assertThat(problem.get("type").asString()).startsWith("https://tunegate.dev/problems/").endsWith(typeSuffix);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
        return problem;
    }

    private static List<String> fields(JsonNode problem) {
        List<String> fields = new ArrayList<>();
        problem.get("errors").forEach(e -> fields.add(e.get("field").asString()));
        return fields;
    }

    @Test
    void noKeyOrAWrongKeyIsUnauthorized() {
        TestApi anonymous = TestApi.withKey(port, null);
        TestApi.Response none = anonymous.post("/v1/jobs", Jobs.request("x"));
        problem(none, 401, "/unauthenticated");
        assertThat(none.header("WWW-Authenticate")).startsWith("Bearer");
        problem(TestApi.withKey(port, "tg_wrong").get("/v1/jobs"), 401, "/unauthenticated");
        problem(anonymous.send(anonymous.request("/v1/jobs").header("Authorization", "Basic dXNlcjpwYXNz").GET().build()),
                401, "/unauthenticated");
    }

    @Test
    void malformedJson() {
        JsonNode p = problem(api.post("/v1/jobs", "{\"job_name\": \"x\", "), 400, "/malformed-json");
        assertThat(p.get("detail").asString()).contains("line 1");
        problem(api.post("/v1/jobs", ""), 400, "/malformed-json");
        problem(api.post("/v1/jobs", "[1, 2]"), 400, "/malformed-json");
    }

    @Test
    void missingFieldsAreAllNamed() {
        JsonNode p = problem(api.post("/v1/jobs", "{}"), 400, "/invalid-request");
        assertThat(fields(p)).containsExactlyInAnyOrder("job_name", "base_model", "training_data");
    }

    @Test
    void unknownFieldsAreNamed() {
        String typo = Jobs.request("x").replace("\"training_data\"", "\"trainng_data\"");
        JsonNode p = problem(api.post("/v1/jobs", typo), 400, "/invalid-request");
        assertThat(fields(p)).containsExactly("trainng_data");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"budget_limit\": \"lots\"                 | budget_limit",
            "\"fallback_providers\": {\"a\": 1}         | fallback_providers",
            "\"metadata\": {\"k\": {\"nested\": true}}  | metadata.k",
            "\"hyperparameters\": [1]                   | hyperparameters",
            "\"job_name\": {\"a\": 1}                   | job_name",
    })
    void wrongTypesAreNamed(String field, String expected) {
        String body = "{\"base_model\": \"m\", \"training_data\": \"t\", " + field + "}";
        JsonNode p = problem(api.post("/v1/jobs", body), 400, "/invalid-request");
        assertThat(fields(p)).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"provider\": \"skynet\"                          | provider",
            "\"fallback_providers\": [\"sandbox\", \"nope\"]   | fallback_providers[1]",
            "\"fallback_providers\": [\"mistral\", \"mistral\"] | fallback_providers[1]",
            "\"hyperparameters\": {\"n_epochs\": 0}            | hyperparameters.n_epochs",
            "\"hyperparameters\": {\"epochs\": \"three\"}      | hyperparameters.epochs",
            "\"hyperparameters\": {\"lora_rank\": 8}           | hyperparameters.lora_rank",
            "\"hyperparameters\": {\"learning_rate\": -1}      | hyperparameters.learning_rate",
            "\"budget_limit\": -5                             | budget_limit",
            "\"webhook_url\": \"ftp://example.com/x\"          | webhook_url",
            "\"webhook_url\": \"not a url\"                    | webhook_url",
            "\"job_name\": \"has spaces\"                      | job_name",
            "\"provider_options\": {\"sandbox\": {\"outcome\": \"explode\"}} | provider_options.sandbox.outcome",
            "\"provider_options\": {\"sandbox\": {\"typo\": 1}}   | provider_options.sandbox.typo",
            "\"provider_options\": {\"acme\": {}}              | provider_options.acme",
            "\"provider_options\": {\"sandbox\": null}         | provider_options.sandbox",
            "\"provider_options\": {\"openai\": {\"x\": \"a\\u0000b\"}} | provider_options",
            "\"metadata\": {\"k\": \"a\\u0000b\"}               | metadata",
            "\"budget_limit\": 1000000001                     | budget_limit",
    })
    void invalidValuesAreNamed(String field, String expected) {
        String body = "{\"job_name\": \"ok\", \"base_model\": \"m\", \"training_data\": \"t\", " + field + "}";
        body = body.replace("\"job_name\": \"ok\", \"base_model\": \"m\", \"training_data\": \"t\", \"job_name\"",
                "\"base_model\": \"m\", \"training_data\": \"t\", \"job_name\"");
        JsonNode p = problem(api.post("/v1/jobs", body), 400, "/invalid-request");
        assertThat(fields(p)).contains(expected);
    }

    @Test
    void controlCharactersNeverReachTheDatabase() {
        String body = "{\"job_name\": \"ok\", \"base_model\": \"m\\u0000x\", \"training_data\": \"t\\u0000\"}";
        assertThat(fields(problem(api.post("/v1/jobs", body), 400, "/invalid-request")))
                .contains("base_model", "training_data");
        assertThat(fields(problem(api.get("/v1/jobs?job_name=a%00b"), 400, "/invalid-request")))
                .containsExactly("job_name");
        assertThat(fields(problem(api.get("/v1/models/a%01b"), 400, "/invalid-request"))).containsExactly("name");
        // an encoded NUL in the path is refused by Tomcat itself, before any application code
        assertThat(api.get("/v1/models/a%00b").status()).isEqualTo(400);
    }

    @Test
    void oversizedBodiesAreRefusedWithoutBeingRead() {
        String huge = Jobs.request("x").replace("\"team\": \"search\"", "\"team\": \"" + "a".repeat(70_000) + "\"");
        problem(api.post("/v1/jobs", huge), 413, "/payload-too-large");

        // no Content-Length: the limit is enforced while reading
        byte[] bytes = huge.getBytes();
        HttpRequest chunked = api.request("/v1/jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();
        problem(api.send(chunked), 413, "/payload-too-large");
    }

    @Test
    void wrongMediaTypeAndMethod() {
        HttpRequest text = api.request("/v1/jobs").header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build();
        problem(api.send(text), 415, "/unsupported-media-type");
        problem(api.send(api.request("/v1/jobs").DELETE().build()), 405, "/method-not-allowed");
    }

    @Test
    void unknownJobsAreNotFound() {
        problem(api.get("/v1/jobs/00000000-0000-7000-8000-000000000000"), 404, "/not-found");
        problem(api.get("/v1/jobs/not-a-uuid"), 404, "/not-found");
        problem(api.post("/v1/jobs/not-a-uuid/cancel", ""), 404, "/not-found");
        problem(api.get("/v1/nothing-here"), 404, "/not-found");
        problem(api.get("/v1/models/unknown"), 404, "/not-found");
    }

    @Test
    void badQueryParameters() {
        assertThat(fields(problem(api.get("/v1/jobs?limit=0"), 400, "/invalid-request"))).containsExactly("limit");
        assertThat(fields(problem(api.get("/v1/jobs?limit=abc"), 400, "/invalid-request"))).containsExactly("limit");
        assertThat(fields(problem(api.get("/v1/jobs?status=done"), 400, "/invalid-request"))).containsExactly("status");
        assertThat(fields(problem(api.get("/v1/jobs?cursor=xyz"), 400, "/invalid-request"))).containsExactly("cursor");
        String id = "00000000-0000-7000-8000-000000000000";
        problem(api.get("/v1/jobs/" + id + "/events"), 404, "/not-found");
    }
}
