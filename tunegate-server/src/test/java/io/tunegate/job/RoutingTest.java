package io.tunegate.job;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.support.HandStartedGateway;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Routing around a provider that is down: Mistral (its real adapter, against a stub answering 503 to
 * everything) fails until its circuit breaker opens; the job moves to its fallback, the next job skips Mistral
 * without calling it, {@code auto} stops choosing it, and {@code GET /v1/providers} shows the open circuit.
 */
class RoutingTest {

    private static WireMockServer mistral;
    private static HandStartedGateway gateway;

    @BeforeAll
    static void start() {
        mistral = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        mistral.start();
        mistral.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"object\":\"error\",\"message\":\"Service unavailable\",\"type\":\"internal\",\"code\":\"3000\"}")));
        gateway = HandStartedGateway.start(
                "--tunegate.providers.mistral.api-key=test-key-not-real",
                "--tunegate.providers.mistral.base-url=http://127.0.0.1:" + mistral.port(),
                "--tunegate.providers.mistral.retry.initial-backoff=20ms",
                "--tunegate.providers.sandbox.job-duration=1s",
                "--tunegate.providers.sandbox.steps=2",
                "--tunegate.providers.sandbox.poll-interval=100ms",
                "--tunegate.providers.sandbox.price-per-million-tokens=50.00");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        mistral.stop();
    }

    private static JsonNode awaitEnd(TestApi api, String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String status = api.get("/v1/jobs/" + id).json().get("status").asString();
            return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled");
        });
        return api.get("/v1/jobs/" + id).json();
    }

    private static List<JsonNode> events(TestApi api, String id, String type) {
        List<JsonNode> found = new ArrayList<>();
        api.get("/v1/jobs/" + id + "/events?limit=1000").json().get("data").forEach(e -> {
            if (e.get("type").asString().equals(type)) {
                found.add(e);
            }
        });
        return found;
    }

    private static JsonNode provider(TestApi api, String id) {
        for (JsonNode p : api.get("/v1/providers").json().get("data")) {
            if (p.get("id").asString().equals(id)) {
                return p;
            }
        }
        throw new AssertionError(id + " not listed");
    }

    @Test
    void aProviderThatIsDownIsPassedOverAndThenSkipped() {
        TestApi api = gateway.newProject();
        String job = """
                {"job_name": "routing", "base_model": "mistral-small", "training_data": "%s",
                 "provider": "mistral", "fallback_providers": ["sandbox"]}"""
                .formatted(api.upload("train.jsonl", TranslatingExports.CHAT));
        assertThat(provider(api, "mistral").get("circuit_state").asString()).isEqualTo("closed");

        // the first job finds Mistral failing, retries, opens its circuit, and moves to the fallback
        JsonNode first = awaitEnd(api, api.submit(job));
        assertThat(first.get("status").asString()).isEqualTo("succeeded");
        assertThat(first.get("provider").asString()).isEqualTo("sandbox");
        assertThat(events(api, first.get("id").asString(), "fallback")).singleElement().satisfies(e -> {
            assertThat(e.get("data").get("from").asString()).isEqualTo("mistral");
            assertThat(e.get("data").get("reason").asString()).isEqualTo("provider_unavailable");
            assertThat(e.get("message").asString()).contains("mistral could not take the training data");
        });
        assertThat(events(api, first.get("id").asString(), "submission_retry")).anySatisfy(e ->
                assertThat(e.get("message").asString()).contains("HTTP 503").contains("Service unavailable"));
        int callsWhenOpen = mistral.findAll(anyRequestedFor(anyUrl())).size();
        assertThat(callsWhenOpen).isGreaterThanOrEqualTo(4);
        JsonNode state = provider(api, "mistral");
        assertThat(state.get("enabled").asBoolean()).isTrue();
        assertThat(state.get("circuit_state").asString()).isEqualTo("open");

        // the next job is routed past Mistral from the start, saying why, and Mistral is not called
        JsonNode second = awaitEnd(api, api.submit(job));
        assertThat(second.get("provider").asString()).isEqualTo("sandbox");
        assertThat(events(api, second.get("id").asString(), "created")).singleElement().satisfies(e ->
                assertThat(e.get("message").asString()).contains("mistral's circuit breaker is open"));
        assertThat(mistral.findAll(anyRequestedFor(anyUrl()))).hasSize(callsWhenOpen);

        // auto no longer considers it (it would be the cheaper one), and says why
        JsonNode estimate = api.post("/v1/estimates", job.replace("\"provider\": \"mistral\"", "\"provider\": \"auto\"")).json();
        assertThat(estimate.get("auto").get("provider").asString()).isEqualTo("sandbox");
        for (JsonNode q : estimate.get("providers")) {
            if (q.get("provider").asString().equals("mistral")) {
                assertThat(q.get("available").asBoolean()).isFalse();
                assertThat(q.get("reasons").toString()).contains("circuit breaker is open");
            }
        }
    }

    @Test
    void providersWithoutCredentialsAreListedAsOffWithTheSettingToSet() {
        TestApi api = gateway.newProject();
        JsonNode openai = provider(api, "openai");
        assertThat(openai.get("enabled").asBoolean()).isFalse();
        assertThat(openai.get("reason").asString()).contains("TUNEGATE_PROVIDERS_OPENAI_API_KEY");
        assertThat(openai.get("models")).isEmpty();
        JsonNode mistralView = provider(api, "mistral");
        assertThat(mistralView.get("max_concurrent_jobs").asInt()).isEqualTo(4);
        assertThat(mistralView.get("models")).anySatisfy(m ->
                assertThat(m.get("provider_model").asString()).isEqualTo("mistral-small-latest"));
        // a key is never shown
        assertThat(api.get("/v1/providers").body()).doesNotContain("test-key-not-real");
    }
}
