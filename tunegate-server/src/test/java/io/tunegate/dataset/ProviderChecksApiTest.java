package io.tunegate.dataset;

import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;

import static org.assertj.core.api.Assertions.assertThat;

/** A dataset keeps the base model it was uploaded for and is checked against each of its catalog offers. */
class ProviderChecksApiTest extends GatewayIntegrationTest {

    private static final String EXAMPLE = """
            {"messages": [{"role": "system", "content": "Be terse."}, {"role": "user", "content": "2+2?"}, {"role": "assistant", "content": "4"}]}
            """;

    private static final String TOOL_EXAMPLE = """
            {"messages": [{"role": "user", "content": "Weather in Oslo?"}, {"role": "assistant", "tool_calls": [{"id": "c1", "type": "function", "function": {"name": "weather", "arguments": "{\\"city\\": \\"Oslo\\"}"}}]}, {"role": "tool", "tool_call_id": "c1", "content": "3C"}, {"role": "assistant", "content": "3C in Oslo."}]}
            """;

    private TestApi.Response upload(String body, String query) {
        return api.send(api.request("/v1/datasets" + query).header("Content-Type", "application/jsonl")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static JsonNode checkOf(JsonNode dataset, String provider) {
        for (JsonNode check : dataset.get("provider_checks")) {
            if (check.get("provider").asString().equals(provider)) {
                return check;
            }
        }
        throw new AssertionError("no check for " + provider + " in " + dataset.get("provider_checks"));
    }

    @Test
    void threeExamplesAreTooFewForOpenAi() {
        TestApi.Response created = upload(EXAMPLE.repeat(3), "?base_model=gpt-4o-mini");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode dataset = created.json();

        assertThat(dataset.get("base_model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(dataset.get("status").asString()).isEqualTo("valid");
        JsonNode roles = dataset.get("report").get("roles");
        assertThat(roles.get("system").asLong()).isEqualTo(3);
        assertThat(roles.get("user").asLong()).isEqualTo(3);
        assertThat(roles.get("assistant").asLong()).isEqualTo(3);
        assertThat(dataset.get("provider_checks")).extracting(c -> c.get("provider").asString())
                .containsExactly("openai", "azure");
        JsonNode openai = checkOf(dataset, "openai");
        assertThat(openai.get("provider_model").asString()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(openai.get("ok").asBoolean()).isFalse();
        assertThat(openai.get("problems")).extracting(JsonNode::asString)
                .contains("openai needs at least 10 training examples; the dataset has 3");
        assertThat(openai.get("warnings")).isEmpty();

        // read back: the stored base model, checks worked out again
        JsonNode read = api.get("/v1/datasets/" + dataset.get("id").asString()).json();
        assertThat(read.get("base_model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(read.get("provider_checks")).isEqualTo(dataset.get("provider_checks"));
        assertThat(api.get("/v1/datasets").json().get("data").get(0).get("base_model").asString())
                .isEqualTo("gpt-4o-mini");
    }

    @Test
    void tenExamplesAreEnoughForAzure() {
        JsonNode dataset = upload(EXAMPLE.repeat(10), "?base_model=gpt-4o-mini-2024-07-18").json();

        // azure's offer has no lifecycle end in the catalog, so this holds on any date
        JsonNode azure = checkOf(dataset, "azure");
        assertThat(azure.get("ok").asBoolean()).as(azure.toString()).isTrue();
        assertThat(azure.get("problems")).isEmpty();
        assertThat(checkOf(dataset, "openai").get("problems")).extracting(JsonNode::asString)
                .noneMatch(p -> p.contains("training examples"));
    }

    @Test
    void theToolRoleIsAProblemOnVertex() {
        JsonNode dataset = upload(TOOL_EXAMPLE + EXAMPLE, "?base_model=gemini-2.5-flash").json();

        assertThat(dataset.get("status").asString()).as(dataset.toString()).isEqualTo("valid");
        assertThat(dataset.get("report").get("roles").get("tool").asLong()).isEqualTo(1);
        JsonNode vertex = checkOf(dataset, "vertex");
        assertThat(vertex.get("provider_model").asString()).isEqualTo("gemini-2.5-flash");
        assertThat(vertex.get("ok").asBoolean()).isFalse();
        assertThat(vertex.get("problems")).singleElement().extracting(JsonNode::asString).asString()
                .startsWith("vertex's format has no 'tool' role (1 message uses it)");
    }

    @Test
    void examplesOverAProvidersLimitAreWarnedAboutThere() {
        // about 9,000 tokens: over Together's and Fireworks' 8,192, under Bedrock's 16,384
        String longExample = "{\"messages\": [{\"role\": \"user\", \"content\": \"a" + " a".repeat(9000)
                + "\"}, {\"role\": \"assistant\", \"content\": \"ok\"}]}\n";
        JsonNode dataset = upload(longExample + EXAMPLE.repeat(3), "?base_model=llama-3.1-8b-instruct").json();

        assertThat(dataset.get("provider_checks")).extracting(c -> c.get("provider").asString())
                .containsExactly("bedrock", "together", "fireworks");
        assertThat(checkOf(dataset, "bedrock").get("warnings")).isEmpty();
        for (String provider : new String[]{"together", "fireworks"}) {
            JsonNode check = checkOf(dataset, provider);
            assertThat(check.get("ok").asBoolean()).as(check.toString()).isTrue();
            assertThat(check.get("warnings")).singleElement().extracting(JsonNode::asString).asString()
                    .startsWith("1 example is over " + provider + "'s limit of 8192 tokens per example");
        }
    }

    @Test
    void aModelTheCatalogDoesNotKnowGetsNoChecks() {
        JsonNode unknown = upload(EXAMPLE, "?base_model=my-own-model").json();
        assertThat(unknown.get("base_model").asString()).isEqualTo("my-own-model");
        assertThat(unknown.get("provider_checks")).isEmpty();

        JsonNode none = upload(EXAMPLE, "").json();
        assertThat(none.get("base_model").isNull()).isTrue();
        assertThat(none.get("provider_checks")).isEmpty();
    }
}
