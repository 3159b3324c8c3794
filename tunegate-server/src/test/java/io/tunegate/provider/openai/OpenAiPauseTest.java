package io.tunegate.provider.openai;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.ProviderJobStatus;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.azure.AzureOpenAiAdapter;
import io.tunegate.provider.azure.AzureSettings;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.resilience.ProviderPolicy;
import io.tunegate.provider.resilience.ProviderResilience;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * OpenAI's {@code POST /fine_tuning/jobs/{id}/pause} and {@code /resume} (they answer the job; a paused one
 * says {@code paused}, outside OpenAI's own status enum), through the resilience decoration as in production.
 */
class OpenAiPauseTest {

    private static final String JOB = "ftjob-abc123";
    private final OpenAiStubs stubs = new OpenAiStubs();
    private WireMockServer wm;
    private ProviderResilience resilience;
    private ProviderAdapter adapter;

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        resilience = new ProviderResilience(null);
        ProviderPolicy policy = new ProviderPolicy(null, 8, Duration.ofSeconds(1), Duration.ofSeconds(3),
                Duration.ofSeconds(10), new ProviderPolicy.Retry(3, Duration.ofMillis(20), 2.0, 0.5, Duration.ofSeconds(2)),
                new ProviderPolicy.CircuitBreaker(50, 6, 6, Duration.ofMinutes(1), 1));
        adapter = resilience.decorate(new OpenAiAdapter(OpenAiContractTest.settings("http://127.0.0.1:" + wm.port()
                + "/v1"), new TranslatingExports(), policy, Clock.systemUTC()), policy);
    }

    @AfterEach
    void stop() {
        wm.stop();
        resilience.close();
    }

    private String job(String status) {
        return stubs.job(JOB, status, null, null, null, "\"metadata\": null");
    }

    @Test
    void openAiCanPauseAndAzureOnItsGaApiCannot() {
        assertThat(adapter.capabilities().pausable()).isTrue();
        AzureOpenAiAdapter azure = new AzureOpenAiAdapter(new AzureSettings("http://127.0.0.1:1/openai", "key",
                "2024-10-21", Duration.ofSeconds(30), Duration.ofMillis(10), Duration.ofSeconds(2), Duration.ofSeconds(2)),
                new TranslatingExports(), ProviderPolicy.defaults(), Clock.systemUTC());
        assertThat(azure.capabilities().pausable()).isFalse();
    }

    @Test
    void pausePostsToThePausePathAndMapsTheAnsweredJob() {
        wm.stubFor(post(urlPathEqualTo("/v1/fine_tuning/jobs/" + JOB + "/pause"))
                .willReturn(OpenAiStubs.json(200, job("paused"))));

        ProviderJobStatus answer = adapter.pause(JOB);

        assertThat(answer).isEqualTo(new ProviderJobStatus(ProviderJobState.PAUSED, "paused"));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs/" + JOB + "/pause"))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiStubs.API_KEY)));
        assertThat(wm.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
    }

    @Test
    void resumePostsToTheResumePathAndMapsTheAnsweredJob() {
        wm.stubFor(post(urlPathEqualTo("/v1/fine_tuning/jobs/" + JOB + "/resume"))
                .willReturn(OpenAiStubs.json(200, job("running"))));

        assertThat(adapter.resume(JOB)).isEqualTo(new ProviderJobStatus(ProviderJobState.RUNNING, "running"));
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs/" + JOB + "/resume"))
                .withHeader("Authorization", equalTo("Bearer " + OpenAiStubs.API_KEY)));
    }

    @Test
    void aRefusalIsPermanentCarriesOpenAisMessageAndIsNotRetried() {
        wm.stubFor(post(urlPathEqualTo("/v1/fine_tuning/jobs/" + JOB + "/pause"))
                .willReturn(stubs.error(400, "Job ftjob-abc123 is not running and cannot be paused.")));

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.pause(JOB));

        assertThat(refused.getMessage()).contains("is not running and cannot be paused");
        assertThat(refused.provider()).isEqualTo("openai");
        wm.verify(1, postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs/" + JOB + "/pause")));
    }

    @Test
    void serverErrorsAreRetriedThenTheAnswerIsUsed() {
        String path = "/v1/fine_tuning/jobs/" + JOB + "/resume";
        wm.stubFor(post(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(stubs.error(500, "The server had an error")).willSetStateTo("once"));
        wm.stubFor(post(urlPathEqualTo(path)).inScenario("flaky").whenScenarioStateIs("once")
                .willReturn(OpenAiStubs.json(200, job("queued"))));

        assertThat(adapter.resume(JOB)).isEqualTo(new ProviderJobStatus(ProviderJobState.QUEUED, "queued"));
        wm.verify(2, postRequestedFor(urlPathEqualTo(path)));
    }

    @Test
    void anAnswerWithoutAStatusOrThatKeepsFailingIsTransient() {
        wm.stubFor(post(urlPathEqualTo("/v1/fine_tuning/jobs/" + JOB + "/pause"))
                .willReturn(OpenAiStubs.json(200, "{\"object\": \"fine_tuning.job\", \"id\": \"" + JOB + "\"}")));
        assertThat(catchThrowableOfType(TransientProviderException.class, () -> adapter.pause(JOB)).getMessage())
                .contains("without a status");

        wm.stubFor(post(urlPathEqualTo("/v1/fine_tuning/jobs/" + JOB + "/resume"))
                .willReturn(stubs.error(503, "Overloaded")));
        // catchThrowableOfType answers null when nothing is thrown: assert that something was
        assertThat(catchThrowableOfType(TransientProviderException.class, () -> adapter.resume(JOB))).isNotNull()
                .satisfies(e -> assertThat(e.provider()).isEqualTo("openai"));
        wm.verify(3, postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs/" + JOB + "/resume")));
    }
}
