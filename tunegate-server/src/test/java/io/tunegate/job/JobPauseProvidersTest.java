package io.tunegate.job;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tunegate.provider.contract.ProviderStubs.Phase;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.mistral.MistralStubs;
import io.tunegate.provider.openai.OpenAiStubs;
import io.tunegate.support.HandStartedGateway;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Pause and resume on real adapters against stubs of the providers' APIs: OpenAI (which can pause; its
 * refusals and outages leave the job as it was) and Mistral (which cannot: 422, and Mistral is not asked).
 */
class JobPauseProvidersTest {

    private static final OpenAiStubs OPENAI = new OpenAiStubs();
    private static final MistralStubs MISTRAL = new MistralStubs();
    private static final String OPENAI_JOB = OPENAI.providerJobId();
    private static final String PAUSE = "/v1/fine_tuning/jobs/" + OPENAI_JOB + "/pause";
    private static final String RESUME = "/v1/fine_tuning/jobs/" + OPENAI_JOB + "/resume";

    private static WireMockServer openai;
    private static WireMockServer mistral;
    private static HandStartedGateway gateway;

    @BeforeAll
    static void start() {
        openai = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        openai.start();
        mistral = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        mistral.start();
        for (var stub : List.of(OPENAI, MISTRAL)) {
            WireMockServer wm = stub == OPENAI ? openai : mistral;
            stub.stageAccepted(wm);
            stub.nothingSubmitted(wm);
            wm.stubFor(stub.create().willReturn(stub.created(stub.providerJobId())));
            stub.job(wm, stub.providerJobId(), Phase.RUNNING);
        }
        gateway = HandStartedGateway.start(
                "--tunegate.providers.openai.api-key=" + OpenAiStubs.API_KEY,
                "--tunegate.providers.openai.base-url=http://127.0.0.1:" + openai.port() + "/v1",
                "--tunegate.providers.openai.poll-interval=100ms",
                "--tunegate.providers.openai.retry.initial-backoff=20ms",
                "--tunegate.providers.mistral.api-key=test-mistral-key",
                "--tunegate.providers.mistral.base-url=http://127.0.0.1:" + mistral.port(),
                "--tunegate.providers.mistral.poll-interval=100ms");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        openai.stop();
        mistral.stop();
    }

    private static String runningJob(TestApi api, String provider, String baseModel) {
        String id = api.submit("""
                {"job_name": "pause-%s", "base_model": "%s", "training_data": "%s", "provider": "%s",
                 "hyperparameters": {"n_epochs": 3}}"""
                .formatted(provider, baseModel, api.upload("train.jsonl", TranslatingExports.CHAT), provider));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/v1/jobs/" + id).json().get("status").asString().equals("running"));
        return id;
    }

    private static List<String> eventTypes(TestApi api, String id) {
        List<String> types = new ArrayList<>();
        api.get("/v1/jobs/" + id + "/events?limit=1000").json().get("data").forEach(e -> types.add(e.get("type").asString()));
        return types;
    }

    private static String status(TestApi api, String id) {
        return api.get("/v1/jobs/" + id).json().get("status").asString();
    }

    @Test
    void aProviderThatCannotPauseAnswers422AndIsNotAsked() {
        TestApi api = gateway.newProject();
        String id = runningJob(api, "mistral", MISTRAL.baseModel());

        for (String action : List.of("pause", "resume")) {
            TestApi.Response refused = api.post("/v1/jobs/" + id + "/" + action, "");
            assertThat(refused.status()).as(refused.body()).isEqualTo(422);
            JsonNode problem = refused.json();
            assertThat(problem.get("type").asString()).isEqualTo("https://tunegate.dev/problems/operation-not-supported");
            assertThat(problem.get("detail").asString()).contains("mistral, cannot " + action + " jobs")
                    .contains("openai");
            assertThat(problem.get("provider").asString()).isEqualTo("mistral");
            assertThat(problem.get("operation").asString()).isEqualTo(action);
        }
        assertThat(mistral.findAll(anyRequestedFor(urlPathMatching(".*/(pause|resume)")))).isEmpty();
        assertThat(status(api, id)).isEqualTo("running");
        assertThat(eventTypes(api, id)).doesNotContain("paused", "pause_requested");
    }

    @Test
    void openAiRefusalsAndOutagesLeaveTheJobAsItWasAndAnAcceptedPauseAndResumeAreFollowed() {
        TestApi api = gateway.newProject();
        String id = runningJob(api, "openai", OPENAI.baseModel());
        List<String> eventsBefore = eventTypes(api, id);

        // OpenAI refuses: 502 with its message, the job untouched
        openai.stubFor(post(urlPathEqualTo(PAUSE)).willReturn(
                OPENAI.error(400, "Job is in an invalid state for pausing.")));
        TestApi.Response refused = api.post("/v1/jobs/" + id + "/pause", "");
        assertThat(refused.status()).as(refused.body()).isEqualTo(502);
        assertThat(refused.json().get("type").asString()).isEqualTo("https://tunegate.dev/problems/provider-error");
        assertThat(refused.json().get("detail").asString()).contains("openai refused to pause the job")
                .contains("Job is in an invalid state for pausing.");
        assertThat(refused.json().get("provider").asString()).isEqualTo("openai");
        openai.verify(1, postRequestedFor(urlPathEqualTo(PAUSE)));

        // OpenAI is down: retried inside the call, then 503 with its Retry-After, the job untouched
        openai.stubFor(post(urlPathEqualTo(PAUSE)).willReturn(aResponse().withStatus(503).withHeader("Retry-After", "1")
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"message\": \"Overloaded\", \"type\": \"server_error\", \"param\": null, \"code\": null}}")));
        TestApi.Response unavailable = api.post("/v1/jobs/" + id + "/pause", "");
        assertThat(unavailable.status()).as(unavailable.body()).isEqualTo(503);
        assertThat(unavailable.json().get("type").asString()).isEqualTo("https://tunegate.dev/problems/provider-unavailable");
        assertThat(unavailable.header("Retry-After")).isEqualTo("1");
        assertThat(openai.findAll(postRequestedFor(urlPathEqualTo(PAUSE))).size()).isGreaterThan(2);
        assertThat(status(api, id)).isEqualTo("running");
        assertThat(eventTypes(api, id)).isEqualTo(eventsBefore);

        // accepted: paused from OpenAI's answer, and it stays paused while the polls read it paused
        openai.stubFor(post(urlPathEqualTo(PAUSE)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OPENAI.job(OPENAI_JOB, "paused", null, null, null, "\"metadata\": null"))));
        openai.stubFor(OPENAI.getJob(OPENAI_JOB).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OPENAI.job(OPENAI_JOB, "paused", null, null, null, "\"metadata\": null"))));
        TestApi.Response paused = api.post("/v1/jobs/" + id + "/pause", "");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().get("status").asString()).isEqualTo("paused");
        assertThat(paused.json().get("provider_status").asString()).isEqualTo("paused");
        int polls = openai.findAll(anyRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs/" + OPENAI_JOB))).size();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> openai.findAll(anyRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs/" + OPENAI_JOB))).size()
                        >= polls + 3);
        assertThat(status(api, id)).isEqualTo("paused");

        // resumed
        openai.stubFor(post(urlPathEqualTo(RESUME)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody(OPENAI.job(OPENAI_JOB, "running", null, null, null, "\"metadata\": null"))));
        OPENAI.job(openai, OPENAI_JOB, Phase.RUNNING);
        TestApi.Response resumed = api.post("/v1/jobs/" + id + "/resume", "");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().get("status").asString()).isEqualTo("running");
        openai.verify(1, postRequestedFor(urlPathEqualTo(RESUME)));
        assertThat(eventTypes(api, id)).containsSubsequence("paused", "resumed").containsOnlyOnce("paused", "resumed");
    }
}
