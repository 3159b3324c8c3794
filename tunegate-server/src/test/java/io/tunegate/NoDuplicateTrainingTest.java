package io.tunegate;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.support.GatewayProcesses;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway dies between the provider creating the job and its own commit: OpenAI (a WireMock stub of its
 * API) has received the create and made the job, but its answer never arrives because the gateway process is
 * killed with SIGKILL while waiting for it. OpenAI has no idempotency key, so the restarted gateway must find
 * the job by the {@code tunegate_job_id} metadata it was created with, adopt it, and never create a second one.
 */
class NoDuplicateTrainingTest {

    private static final String PROVIDER_JOB = "ftjob-crash0001";

    @TempDir
    Path dataDir;

    private WireMockServer openai;
    private GatewayProcesses gateways;

    @BeforeEach
    void start() {
        openai = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        openai.start();
        gateways = new GatewayProcesses(dataDir);
    }

    @AfterEach
    void stop() {
        gateways.close();
        openai.stop();
    }

    private static String job(String status, String gatewayJobId) {
        return """
                {"object":"fine_tuning.job","id":"%s","model":"gpt-4o-mini-2024-07-18","created_at":1795000000,
                 "fine_tuned_model":%s,"organization_id":"org-1","result_files":[],"status":"%s",
                 "validation_file":null,"training_file":"file-crash1","hyperparameters":{"n_epochs":1,
                 "batch_size":1,"learning_rate_multiplier":1.0},"trained_tokens":%s,"error":null,
                 "finished_at":null,"seed":1,"estimated_finish":null,"integrations":null,
                 "metadata":{"tunegate_job_id":"%s"}}""".formatted(PROVIDER_JOB,
                status.equals("succeeded") ? "\"ft:gpt-4o-mini-2024-07-18:org-1::crash1\"" : "null", status,
                status.equals("succeeded") ? "120" : "null", gatewayJobId);
    }

    private void stubOpenAi(String gatewayJobId) {
        openai.stubFor(post(urlEqualTo("/v1/files")).willReturn(okJson("""
                {"id":"file-crash1","object":"file","bytes":400,"created_at":1795000000,"filename":"train.jsonl",
                 "purpose":"fine-tune","status":"processed"}""")));
        // the provider makes the job at once but answers only after the gateway is dead
        openai.stubFor(post(urlEqualTo("/v1/fine_tuning/jobs")).inScenario("openai").whenScenarioStateIs(STARTED)
                .willReturn(okJson(job("queued", gatewayJobId)).withFixedDelay(25_000)).willSetStateTo("created"));
        openai.stubFor(post(urlEqualTo("/v1/fine_tuning/jobs")).inScenario("openai").whenScenarioStateIs("created")
                .willReturn(aResponse().withStatus(500).withBody("{\"error\":{\"message\":\"a second job!\"}}")));
        openai.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs")).inScenario("openai").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"object\":\"list\",\"data\":[],\"has_more\":false}")));
        openai.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs")).inScenario("openai").whenScenarioStateIs("created")
                .willReturn(okJson("{\"object\":\"list\",\"data\":[" + job("running", gatewayJobId) + "],\"has_more\":false}")));
        openai.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs/" + PROVIDER_JOB))
                .willReturn(okJson(job("succeeded", gatewayJobId))));
        openai.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs/" + PROVIDER_JOB + "/events"))
                .willReturn(okJson("""
                        {"object":"list","has_more":false,"data":[{"object":"fine_tuning.job.event","id":"ftevent-1",
                         "created_at":1795000100,"level":"info","message":"The job has successfully completed",
                         "type":"message","data":null}]}""")));
        openai.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs/" + PROVIDER_JOB + "/checkpoints"))
                .willReturn(okJson("{\"object\":\"list\",\"data\":[],\"has_more\":false}")));
    }

    private String[] openAiSettings() {
        return new String[]{
                "--tunegate.providers.openai.api-key=sk-test-not-a-real-key",
                "--tunegate.providers.openai.base-url=http://127.0.0.1:" + openai.port() + "/v1",
                "--tunegate.providers.openai.poll-interval=200ms"};
    }

    @Test
    void aGatewayKilledWhileTheProviderCreatesTheJobAdoptsItAfterRestart() throws Exception {
        int port = GatewayProcesses.freePort();
        Process first = gateways.start(port, Path.of("target", "no-duplicate-first.log"), openAiSettings());
        GatewayProcesses.awaitReady(port);
        String key = gateways.bootstrapKey();
        TestApi api = TestApi.withKey(port, key);
        String id = api.submit("""
                {"job_name": "no-duplicate", "base_model": "gpt-4o-mini", "training_data": "%s",
                 "provider": "openai", "hyperparameters": {"n_epochs": 1}}"""
                .formatted(api.upload("train.jsonl", TranslatingExports.CHAT))); // OpenAI needs 10 examples
        stubOpenAi(id);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                !openai.findAll(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs"))).isEmpty());
        first.destroyForcibly().waitFor();

        int secondPort = GatewayProcesses.freePort();
        gateways.start(secondPort, Path.of("target", "no-duplicate-second.log"), openAiSettings());
        GatewayProcesses.awaitReady(secondPort);
        TestApi again = TestApi.withKey(secondPort, key);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).until(() ->
                again.get("/v1/jobs/" + id).json().get("status").asString().equals("succeeded"));

        JsonNode done = again.get("/v1/jobs/" + id).json();
        assertThat(done.get("provider_job_id").asString()).isEqualTo(PROVIDER_JOB);
        assertThat(done.get("fine_tuned_model").asString()).isEqualTo("ft:gpt-4o-mini-2024-07-18:org-1::crash1");
        assertThat(openai.findAll(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs")))).as("jobs created at OpenAI")
                .hasSize(1);
        // it was found by its gateway id, through the metadata filter of OpenAI's list
        assertThat(openai.findAll(getRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs"))))
                .anySatisfy(r -> assertThat(r.getUrl()).contains(id));
    }
}
