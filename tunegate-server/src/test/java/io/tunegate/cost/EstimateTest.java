package io.tunegate.cost;

import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /v1/estimates prices a job on every provider of its model; POST /v1/jobs keeps the quote it acted on. */
class EstimateTest extends GatewayIntegrationTest {

    private String upload(String baseModel) {
        TestApi.Response created = api.send(api.request("/v1/datasets?base_model=" + baseModel)
                .header("Content-Type", "application/jsonl")
                .POST(HttpRequest.BodyPublishers.ofString(TestApi.SAMPLE_DATASET)).build());
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static String job(String dataset, String extra) {
        return """
                {"job_name": "quoted", "base_model": "gpt-4o-mini", "training_data": "%s"%s}""".formatted(dataset, extra);
    }

    private static Map<String, JsonNode> byProvider(JsonNode quote) {
        Map<String, JsonNode> quotes = new HashMap<>();
        quote.get("providers").forEach(q -> quotes.put(q.get("provider").asString(), q));
        return quotes;
    }

    @Test
    void everyOfferIsQuotedWithItsEpochsTokensPriceAndWhyItCannotRun() {
        String dataset = upload("gpt-4o-mini");
        JsonNode tokens = api.get("/v1/datasets/" + dataset).json().get("report").get("tokens");
        assertThat(tokens.get("exactness").asString()).isEqualTo("exact");
        long perEpoch = tokens.get("total").asLong();

        TestApi.Response answer = api.post("/v1/estimates", job(dataset, ""));

        assertThat(answer.status()).isEqualTo(200);
        JsonNode quote = answer.json();
        assertThat(quote.get("catalog_model").asString()).isEqualTo("gpt-4o-mini");
        assertThat(quote.get("examples").asLong()).isEqualTo(3);
        Map<String, JsonNode> quotes = byProvider(quote);
        assertThat(quotes).containsOnlyKeys("openai", "azure", "sandbox");

        JsonNode openai = quotes.get("openai");
        assertThat(openai.get("provider_model").asString()).isEqualTo("gpt-4o-mini-2024-07-18");
        assertThat(openai.get("available").asBoolean()).isFalse();
        assertThat(openai.get("reasons").toString()).contains("openai is not enabled on this gateway")
                .contains("needs at least 10 training examples; the data has 3");
        // n_epochs auto, OpenAI's heuristic: 3 examples x 3 < 100, so min(25, 100 / 3) = 25 epochs
        assertThat(openai.get("epochs").asInt()).isEqualTo(25);
        assertThat(openai.get("billable_tokens").asLong()).isEqualTo(perEpoch * 25);
        assertThat(openai.get("token_count").asString()).isEqualTo("exact");
        assertThat(openai.get("total_usd").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(perEpoch * 25 * 3, 6)); // 3.00 USD per 1M
        assertThat(openai.get("price_confirmed").asBoolean()).isFalse();
        assertThat(openai.get("notes").asString()).contains("not confirmed").contains("2027-01-06");

        JsonNode sandbox = quotes.get("sandbox");
        assertThat(sandbox.get("available").asBoolean()).isTrue();
        assertThat(sandbox.get("total_usd").decimalValue())
                .isEqualByComparingTo(BigDecimal.valueOf(perEpoch * 25 * 2, 6)); // the test's 2.00 USD per 1M
        assertThat(quote.get("auto").get("provider").asString()).isEqualTo("sandbox");
        assertThat(quote.get("auto").get("reason").asString()).contains("cheapest of 1 available provider: sandbox");
        // an estimate creates nothing
        assertThat(api.get("/v1/jobs").json().get("data")).isEmpty();
    }

    @Test
    void modelsWithoutAnOfflineTokenizerAreScaledByTheirCalibratedFactorAndSayApproximate() {
        String dataset = upload("llama-3.1-8b-instruct");
        JsonNode tokens = api.get("/v1/datasets/" + dataset).json().get("report").get("tokens");
        assertThat(tokens.get("exactness").asString()).isEqualTo("approximate");
        long counted = tokens.get("total").asLong();

        JsonNode quote = api.post("/v1/estimates", job(dataset, "").replace("gpt-4o-mini", "llama-3.1-8b-instruct")).json();

        Map<String, JsonNode> quotes = byProvider(quote);
        assertThat(quotes).containsOnlyKeys("bedrock", "together", "fireworks", "sandbox");
        JsonNode together = quotes.get("together");
        assertThat(together.get("epochs").asInt()).isEqualTo(1); // Together's documented default
        assertThat(together.get("billable_tokens").asLong()).isEqualTo((long) Math.ceil(counted * 1.05)); // llama3
        assertThat(together.get("token_count").asString()).isEqualTo("approximate");
        assertThat(quotes.get("bedrock").get("epochs").asInt()).isEqualTo(5);
    }

    @Test
    void explicitEpochsOutsideAProvidersBoundsMakeItUnavailable() {
        String dataset = upload("gpt-4o-mini");
        JsonNode quote = api.post("/v1/estimates", job(dataset, ", \"hyperparameters\": {\"n_epochs\": 60}")).json();
        Map<String, JsonNode> quotes = byProvider(quote);
        assertThat(quotes.get("openai").get("epochs").asInt()).isEqualTo(60);
        assertThat(quotes.get("openai").get("reasons").toString()).contains("trains 1 to 50 epochs, not 60");
        assertThat(quotes.get("sandbox").get("available").asBoolean()).isTrue();
    }

    @Test
    void aJobKeepsTheQuoteItWasRoutedOn() {
        String dataset = upload("gpt-4o-mini");
        JsonNode estimate = api.post("/v1/estimates", job(dataset, "")).json();

        JsonNode created = api.post("/v1/jobs", job(dataset, ", \"provider_options\": {\"sandbox\": {\"duration_seconds\": 60}}")).json();
        JsonNode stored = api.get("/v1/jobs/" + created.get("id").asString() + "/estimate").json();

        assertThat(stored).isEqualTo(estimate);
        assertThat(created.get("estimated_cost_usd").decimalValue())
                .isEqualByComparingTo(byProvider(estimate).get("sandbox").get("total_usd").decimalValue());
        assertThat(created.get("estimate_basis").asString()).contains("billable tokens (exact, 25 epochs)");
        api.post("/v1/jobs/" + created.get("id").asString() + "/cancel", "");
    }

    @Test
    void badInputIsTheSameProblemAsForAJob() {
        TestApi.Response missing = api.post("/v1/estimates", "{\"job_name\": \"x\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").findValuesAsString("field")).contains("base_model", "training_data");
        TestApi.Response unknown = api.post("/v1/estimates", Jobs.request("x").replace(Jobs.DATASET, "ds-00000000-0000-0000-0000-000000000000"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("detail").asString()).contains("no dataset");
        TestApi.Response gcs = api.post("/v1/jobs", Jobs.request("x").replace(Jobs.DATASET, "gs://bucket/train.jsonl"));
        assertThat(gcs.status()).isEqualTo(400);
        assertThat(gcs.json().get("errors").get(0).get("field").asString()).isEqualTo("training_data");
        assertThat(gcs.json().get("errors").get(0).get("message").asString()).contains("s3://").contains("https://");
        assertThat(api.get("/v1/jobs").json().get("data")).isEmpty();
    }
}
