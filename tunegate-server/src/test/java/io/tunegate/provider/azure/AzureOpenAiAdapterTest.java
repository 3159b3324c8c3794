package io.tunegate.provider.azure;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tunegate.dataset.DatasetExports;
import io.tunegate.dataset.ExportedDataset;
import io.tunegate.platform.web.ApiException;
import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.resilience.ProviderPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What is Azure's own: waiting for file validation, plain hyperparameters, suffix reconciliation, api-version. */
class AzureOpenAiAdapterTest {

    private static final UUID PROJECT = UUID.randomUUID();
    private final AzureStubs stubs = new AzureStubs();
    private WireMockServer wm;

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private AzureOpenAiAdapter adapter(DatasetExports exports, Duration processingTimeout) {
        return new AzureOpenAiAdapter(new AzureSettings("http://127.0.0.1:" + wm.port() + "/openai", AzureStubs.AZURE_KEY,
                AzureStubs.API_VERSION, Duration.ofSeconds(30), Duration.ofMillis(10), processingTimeout,
                Duration.ofSeconds(2)), exports, ProviderPolicy.defaults(), Clock.systemUTC());
    }

    private AzureOpenAiAdapter adapter() {
        return adapter(new TranslatingExports(), Duration.ofSeconds(5));
    }

    private static StageRequest stageRequest() {
        return new StageRequest(UUID.randomUUID(), PROJECT, "ds-1", "gpt-4o-mini-2024-07-18", StageRequest.Role.TRAINING);
    }

    private static String file(String status, String details) {
        return """
                {"object": "file", "id": "file-abc123", "created_at": 1721764800, "status": "%s", "bytes": 1234,
                 "purpose": "fine-tune", "filename": "x.jsonl", "status_details": %s}""".formatted(status,
                details == null ? "null" : "\"" + details + "\"");
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    @Test
    void stagingWaitsUntilAzureHasProcessedTheFile() {
        wm.stubFor(post(urlPathEqualTo("/openai/files")).willReturn(json(201, file("pending", null))));
        wm.stubFor(get(urlPathEqualTo("/openai/files/file-abc123")).inScenario("validation").whenScenarioStateIs(STARTED)
                .willReturn(json(200, file("running", null))).willSetStateTo("checked"));
        wm.stubFor(get(urlPathEqualTo("/openai/files/file-abc123")).inScenario("validation").whenScenarioStateIs("checked")
                .willReturn(json(200, file("processed", null))));

        assertThat(adapter().stage(stageRequest())).isEqualTo("file-abc123");

        wm.verify(2, getRequestedFor(urlPathEqualTo("/openai/files/file-abc123")));
        // every call carries the api-version and the api-key header, and no bearer token
        wm.verify(3, anyRequestedFor(anyUrl()).withQueryParam("api-version", equalTo(AzureStubs.API_VERSION))
                .withHeader("api-key", equalTo(AzureStubs.AZURE_KEY)).withHeader("Authorization", absent()));
    }

    @Test
    void aFileAzureRejectsIsAPermanentRefusalWithItsDetails() {
        wm.stubFor(post(urlPathEqualTo("/openai/files")).willReturn(json(201, file("pending", null))));
        wm.stubFor(get(urlPathEqualTo("/openai/files/file-abc123"))
                .willReturn(json(200, file("error", "Line 2: missing messages"))));

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter().stage(stageRequest()));

        assertThat(refused.code()).isEqualTo("invalid_file");
        assertThat(refused.getMessage()).contains("Line 2: missing messages");
    }

    @Test
    void aFileStillBeingValidatedAfterTheTimeLimitIsTransient() {
        wm.stubFor(post(urlPathEqualTo("/openai/files")).willReturn(json(201, file("pending", null))));
        wm.stubFor(get(urlPathEqualTo("/openai/files/file-abc123")).willReturn(json(200, file("running", null))));

        assertThatThrownBy(() -> adapter(new TranslatingExports(), Duration.ofMillis(50)).stage(stageRequest()))
                .isInstanceOf(TransientProviderException.class).hasMessageContaining("still validating");
    }

    @Test
    void preferenceDataIsRefusedBeforeAnythingIsUploaded() throws Exception {
        var file = Files.createTempFile("pref", ".jsonl");
        DatasetExports preference = (project, dataset, provider, model) ->
                new ExportedDataset(file, "p.jsonl", 10, "cd".repeat(32), "openai-preference", 1, 0);

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter(preference, Duration.ofSeconds(1)).stage(stageRequest()));

        assertThat(refused.code()).isEqualTo("unsupported_data");
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void hyperparametersArePlainNumbersWithoutTheAutoOnesAndTheSuffixIsTheJobId() {
        wm.stubFor(post(urlPathEqualTo("/openai/fine_tuning/jobs")).willReturn(stubs.created("ftjob-1")));
        SubmitRequest request = new SubmitRequest(UUID.randomUUID().toString(), "bot", "gpt-4o-mini",
                "gpt-4o-mini-2024-07-18", "file-abc123", "file-valid", new Hyperparameters(null, 8, null, null),
                Map.of("seed", 11));

        SubmittedJob job = adapter().submit(request);

        assertThat(job.rawStatus()).isEqualTo("pending");
        wm.verify(postRequestedFor(urlPathEqualTo("/openai/fine_tuning/jobs")).withRequestBody(equalToJson("""
                {"model": "gpt-4o-mini-2024-07-18", "training_file": "file-abc123", "validation_file": "file-valid",
                 "hyperparameters": {"batch_size": 8}, "suffix": "%s", "seed": 11}""".formatted(request.idempotencyKey()))));
    }

    @Test
    void autoHyperparametersSendNoHyperparametersAndALearningRateIsRefused() {
        wm.stubFor(post(urlPathEqualTo("/openai/fine_tuning/jobs")).willReturn(stubs.created("ftjob-1")));
        SubmitRequest auto = new SubmitRequest(UUID.randomUUID().toString(), "bot", "gpt-4o-mini",
                "gpt-4o-mini-2024-07-18", "file-abc123", null, Hyperparameters.AUTO, Map.of());

        adapter().submit(auto);
        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class, () ->
                adapter().submit(new SubmitRequest(UUID.randomUUID().toString(), "bot", "gpt-4o-mini",
                        "gpt-4o-mini-2024-07-18", "file-abc123", null, new Hyperparameters(1, null, 2e-5, null), Map.of())));

        wm.verify(1, postRequestedFor(urlPathEqualTo("/openai/fine_tuning/jobs")).withRequestBody(equalToJson("""
                {"model": "gpt-4o-mini-2024-07-18", "training_file": "file-abc123", "suffix": "%s"}"""
                .formatted(auto.idempotencyKey()))));
        assertThat(refused.code()).isEqualTo("unsupported_hyperparameter");
    }

    @Test
    void findSubmittedMatchesTheSuffixAcrossPages() {
        String key = UUID.randomUUID().toString();
        wm.stubFor(get(urlPathEqualTo("/openai/fine_tuning/jobs")).withQueryParam("after", absent())
                .willReturn(json(200, "{\"object\": \"list\", \"has_more\": true, \"data\": ["
                        + stubs.job("ftjob-2", "running", null, null, null, "\"suffix\": \"other\"") + "]}")));
        wm.stubFor(get(urlPathEqualTo("/openai/fine_tuning/jobs")).withQueryParam("after", equalTo("ftjob-2"))
                .willReturn(json(200, "{\"object\": \"list\", \"has_more\": false, \"data\": ["
                        + stubs.job("ftjob-1", "pending", null, null, null, "\"suffix\": \"" + key + "\"") + "]}")));

        assertThat(adapter().findSubmitted(key)).map(SubmittedJob::providerJobId).contains("ftjob-1");
        assertThat(adapter().findSubmitted(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void onlySeedIsAnOptionAndTheSuffixIsTheGatewaysOwn() {
        adapter().validateOptions(Map.of("seed", 5));
        assertThatThrownBy(() -> adapter().validateOptions(Map.of("suffix", "mine")))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.azure.suffix");
        assertThatThrownBy(() -> adapter().validateOptions(Map.of("seed", "five")))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.azure.seed");
        assertThatThrownBy(() -> adapter().validateOptions(Map.of("beta", 0.1)))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.azure.beta");
    }
}
