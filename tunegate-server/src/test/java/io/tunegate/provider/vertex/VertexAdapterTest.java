package io.tunegate.provider.vertex;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tunegate.dataset.DatasetExports;
import io.tunegate.platform.web.ApiException;
import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.ProviderOff;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.contract.ProviderStubs.Phase;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.resilience.ProviderPolicies;
import io.tunegate.provider.resilience.ProviderPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What is Vertex's own: hyperparameters, statuses, derived events, tokens, staging reuse, labels, auth failures. */
class VertexAdapterTest {

    private WireMockServer wm;
    private VertexTestAccount account;
    private VertexStubs stubs;
    private VertexAdapter adapter;

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        account = new VertexTestAccount(wm);
        stubs = new VertexStubs(account);
        adapter = adapter(new TranslatingExports());
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private VertexAdapter adapter(DatasetExports exports) {
        return new VertexAdapter(VertexContractTest.settings("http://127.0.0.1:" + wm.port(), account.file.toString()),
                account.auth(), exports, ProviderPolicy.defaults(), Clock.systemUTC());
    }

    private SubmitRequest request(Hyperparameters hp, Map<String, Object> options) {
        return new SubmitRequest(UUID.randomUUID().toString(), "support-bot", "gemini-2.5-flash", "gemini-2.5-flash",
                "gs://b/tunegate/t.jsonl", "gs://b/tunegate/v.jsonl", hp, options);
    }

    private void jobAnswers(String state, String extra) {
        wm.stubFor(stubs.getJob(VertexStubs.JOB).willReturn(okJson(VertexStubs.job(VertexStubs.JOB, state, extra))));
    }

    @Test
    void sendsEpochsMultiplierAdapterSizeValidationDataAndLabel() {
        wm.stubFor(stubs.create().willReturn(stubs.created(VertexStubs.JOB)));
        SubmitRequest request = request(new Hyperparameters(4, null, null, 0.5), Map.of(
                "adapter_size", "ADAPTER_SIZE_EIGHT", "export_last_checkpoint_only", true,
                "tuned_model_display_name", "support-bot-v2"));

        SubmittedJob job = adapter.submit(request);

        assertThat(job).isEqualTo(new SubmittedJob(VertexStubs.JOB, ProviderJobState.QUEUED, "JOB_STATE_PENDING"));
        wm.verify(postRequestedFor(urlPathEqualTo(VertexStubs.JOBS)).withRequestBody(equalToJson("""
                {"baseModel": "gemini-2.5-flash",
                 "supervisedTuningSpec": {"trainingDatasetUri": "gs://b/tunegate/t.jsonl",
                   "validationDatasetUri": "gs://b/tunegate/v.jsonl",
                   "hyperParameters": {"epochCount": 4, "learningRateMultiplier": 0.5,
                                       "adapterSize": "ADAPTER_SIZE_EIGHT"},
                   "exportLastCheckpointOnly": true},
                 "tunedModelDisplayName": "support-bot-v2",
                 "description": "Tunegate job %s",
                 "labels": {"tunegate_job_id": "%s"}}""".formatted(request.idempotencyKey(),
                request.idempotencyKey()))));
    }

    @Test
    void batchSizeAndAbsoluteLearningRateAreRefusedWithoutCallingGoogle() {
        PermanentProviderException batch = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.submit(request(new Hyperparameters(3, 16, null, null), Map.of())));
        PermanentProviderException rate = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.submit(request(new Hyperparameters(3, null, 1e-4, null), Map.of())));

        assertThat(batch.code()).isEqualTo("unsupported_hyperparameter");
        assertThat(batch.getMessage()).contains("batch_size");
        assertThat(rate.code()).isEqualTo("unsupported_hyperparameter");
        assertThat(rate.getMessage()).contains("learning_rate");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void checksProviderOptions() {
        adapter.validateOptions(Map.of("adapter_size", "ADAPTER_SIZE_ONE"));

        assertThatThrownBy(() -> adapter.validateOptions(Map.of("adapter_size", "8")))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.vertex.adapter_size");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("export_last_checkpoint_only", "yes")))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("provider_options.vertex.export_last_checkpoint_only");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("batch_size", 8)))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.vertex.batch_size");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("tuned_model_display_name", "x".repeat(129))))
                .isInstanceOf(ApiException.class).hasMessageContaining("at most 128");
    }

    @ParameterizedTest
    @CsvSource({
            "JOB_STATE_QUEUED, QUEUED", "JOB_STATE_PENDING, QUEUED", "JOB_STATE_UNSPECIFIED, QUEUED",
            "JOB_STATE_RUNNING, RUNNING", "JOB_STATE_CANCELLING, RUNNING", "JOB_STATE_PAUSED, PAUSED",
            "JOB_STATE_UPDATING, RUNNING", "JOB_STATE_SUCCEEDED, SUCCEEDED", "JOB_STATE_FAILED, FAILED",
            "JOB_STATE_EXPIRED, FAILED", "JOB_STATE_CANCELLED, CANCELLED", "JOB_STATE_PARTIALLY_SUCCEEDED, FAILED",
            "JOB_STATE_SOMETHING_NEW, RUNNING"})
    void mapsEveryStateAndKeepsTheRawOne(String raw, ProviderJobState state) {
        jobAnswers(raw, "");

        ProviderJobSnapshot snapshot = adapter.fetch(VertexStubs.JOB, null);

        assertThat(snapshot.state()).isEqualTo(state);
        assertThat(snapshot.rawStatus()).isEqualTo(raw);
    }

    @Test
    void aPartlySucceededJobWithAModelIsASuccess() {
        jobAnswers("JOB_STATE_PARTIALLY_SUCCEEDED", ", \"tunedModel\": {\"model\": \"projects/1/locations/l/models/2@1\"}");

        ProviderJobSnapshot snapshot = adapter.fetch(VertexStubs.JOB, null);

        assertThat(snapshot.state()).isEqualTo(ProviderJobState.SUCCEEDED);
        assertThat(snapshot.fineTunedModel()).isEqualTo("projects/1/locations/l/models/2@1");
    }

    @Test
    void anExpiredJobFailsWithItsOwnCodeAndAnErrorTakesItsCanonicalName() {
        jobAnswers("JOB_STATE_EXPIRED", "");
        assertThat(adapter.fetch(VertexStubs.JOB, null).error().code()).isEqualTo("expired");

        stubs.job(wm, VertexStubs.JOB, Phase.FAILED);
        ProviderJobSnapshot failed = adapter.fetch(VertexStubs.JOB, null);
        assertThat(failed.error()).isEqualTo(new ProviderJobSnapshot.Error("INVALID_ARGUMENT", stubs.failureMessage()));
        assertThat(failed.events()).anySatisfy(e -> {
            assertThat(e.id()).isEqualTo("error:INVALID_ARGUMENT");
            assertThat(e.level()).isEqualTo("error");
        });
    }

    @Test
    void derivesEventsFromStatesStagesAndCheckpointsAndDeliversEachOnce() {
        jobAnswers("JOB_STATE_PENDING", ", \"tuningJobState\": \"TUNING_JOB_STATE_WAITING_FOR_QUOTA\"");
        ProviderJobSnapshot queued = adapter.fetch(VertexStubs.JOB, null);

        assertThat(queued.events()).extracting(ProviderJobSnapshot.Event::id)
                .containsExactly("state:JOB_STATE_PENDING", "stage:TUNING_JOB_STATE_WAITING_FOR_QUOTA");
        assertThat(queued.events()).extracting(ProviderJobSnapshot.Event::message)
                .containsExactly("Vertex AI job pending", "Tuning stage: waiting for quota");
        assertThat(queued.events().getFirst().createdAt()).isEqualTo(Instant.parse("2026-11-21T10:00:00.000001Z"));
        assertThat(adapter.fetch(VertexStubs.JOB, queued.nextEventCursor()).events()).isEmpty();

        stubs.job(wm, VertexStubs.JOB, Phase.RUNNING);
        ProviderJobSnapshot running = adapter.fetch(VertexStubs.JOB, queued.nextEventCursor());

        assertThat(running.events()).extracting(ProviderJobSnapshot.Event::id)
                .containsExactly("state:JOB_STATE_RUNNING", "stage:TUNING_JOB_STATE_TUNING", "checkpoint:1");
        assertThat(running.events().getLast().message()).isEqualTo("Checkpoint 1 saved at epoch 1, step 10");
        assertThat(running.metrics()).isEmpty();

        stubs.job(wm, VertexStubs.JOB, Phase.SUCCEEDED);
        ProviderJobSnapshot done = adapter.fetch(VertexStubs.JOB, running.nextEventCursor());

        assertThat(done.events()).extracting(ProviderJobSnapshot.Event::id)
                .containsExactly("state:JOB_STATE_SUCCEEDED", "checkpoint:2", "checkpoint:3");
        assertThat(done.events().getFirst().createdAt()).isEqualTo(Instant.parse("2026-11-21T10:40:00Z"));
    }

    @Test
    void progressAndTrainedTokensComeFromInt64StringsTimesEpochs() {
        stubs.job(wm, VertexStubs.JOB, Phase.RUNNING);
        ProviderJobSnapshot running = adapter.fetch(VertexStubs.JOB, null);

        assertThat(running.progress()).isEqualTo(10 / 30.0);              // completedStepCount / tuningStepCount
        assertThat(running.trainedTokens()).isEqualTo(VertexStubs.TOKENS_PER_EPOCH);   // one epoch completed

        stubs.job(wm, VertexStubs.JOB, Phase.SUCCEEDED);
        ProviderJobSnapshot done = adapter.fetch(VertexStubs.JOB, null);

        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.trainedTokens()).isEqualTo(VertexStubs.TOKENS_PER_EPOCH * 3);  // epochCount "3"
        assertThat(done.fineTunedModel()).isEqualTo(stubs.fineTunedModel());
    }

    @Test
    void findsItsJobByLabelAcrossPagesAndChecksTheLabelItself() {
        String key = UUID.randomUUID().toString();
        String filter = "labels.tunegate_job_id=\"" + key + "\"";
        wm.stubFor(get(urlPathEqualTo(VertexStubs.JOBS)).withQueryParam("pageToken", absent()).willReturn(okJson(
                "{\"tuningJobs\": [" + VertexStubs.job(VertexStubs.JOB + "0", "JOB_STATE_RUNNING", "", "someone-else")
                        + "], \"nextPageToken\": \"page/2==\"}")));
        wm.stubFor(get(urlPathEqualTo(VertexStubs.JOBS)).withQueryParam("pageToken", equalTo("page/2==")).willReturn(
                okJson("{\"tuningJobs\": [" + VertexStubs.job(VertexStubs.JOB, "JOB_STATE_QUEUED", "", key) + "]}")));

        assertThat(adapter.findSubmitted(key)).contains(
                new SubmittedJob(VertexStubs.JOB, ProviderJobState.QUEUED, "JOB_STATE_QUEUED"));
        wm.verify(2, getRequestedFor(urlPathEqualTo(VertexStubs.JOBS)).withQueryParam("filter", equalTo(filter))
                .withQueryParam("pageSize", equalTo("50")));
    }

    @Test
    void labelValuesStayWithinGooglesAlphabet() {
        String uuid = UUID.randomUUID().toString();
        assertThat(VertexAdapter.label(uuid)).isEqualTo(uuid);
        assertThat(VertexAdapter.label("Job Key/With Spaces")).matches("[0-9a-f]{63}")
                .isEqualTo(VertexAdapter.label("Job Key/With Spaces"));
    }

    @Test
    void stagingReusesAFileAlreadyInTheBucketAndReuploadsATruncatedOne() {
        StageRequest stage = new StageRequest(UUID.randomUUID(), UUID.randomUUID(), "ds-1", "gemini-2.5-flash",
                StageRequest.Role.TRAINING);
        long size;
        try (var exported = new TranslatingExports().export(null, "ds-1", "vertex", "gemini-2.5-flash")) {
            size = exported.bytes();
        }
        wm.stubFor(get(urlPathMatching(VertexStubs.OBJECT_PATH)).willReturn(okJson(
                "{\"kind\": \"storage#object\", \"size\": \"" + size + "\"}")));

        String uri = adapter.stage(stage);

        assertThat(uri).matches("gs://tunegate-staging/tunegate/[0-9a-f]{64}\\.jsonl");
        wm.verify(0, postRequestedFor(urlPathMatching("/upload/.*")));

        stubs.stageAccepted(wm);   // upload answers
        wm.stubFor(get(urlPathMatching(VertexStubs.OBJECT_PATH)).willReturn(okJson(
                "{\"kind\": \"storage#object\", \"size\": \"12\"}")));

        assertThat(adapter.stage(stage)).isEqualTo(uri);
        wm.verify(1, postRequestedFor(urlPathMatching("/upload/.*")));
    }

    @Test
    void googlesErrorEnvelopeGivesTheStatusNameAndMessage() {
        wm.stubFor(stubs.create().willReturn(stubs.error(400, "Base model gemini-9 is not supported for tuning.")));
        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.submit(request(Hyperparameters.AUTO, Map.of())));
        assertThat(refused.code()).isEqualTo("INVALID_ARGUMENT");
        assertThat(refused.getMessage()).isEqualTo("Base model gemini-9 is not supported for tuning.");

        wm.stubFor(stubs.create().willReturn(stubs.error(429, "Quota exceeded for tuning jobs.")));
        TransientProviderException limited = catchThrowableOfType(TransientProviderException.class,
                () -> adapter.submit(request(Hyperparameters.AUTO, Map.of())));
        assertThat(limited.getMessage()).contains("RESOURCE_EXHAUSTED").contains("Quota exceeded");
    }

    @Test
    void theAccessTokenIsFetchedOnceAndReused() {
        stubs.job(wm, VertexStubs.JOB, Phase.RUNNING);

        adapter.fetch(VertexStubs.JOB, null);
        adapter.fetch(VertexStubs.JOB, null);

        assertThat(account.verifiedAssertions(wm)).hasSize(1);
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v1/" + VertexStubs.JOB))
                .withHeader("Authorization", equalTo("Bearer " + VertexTestAccount.ACCESS_TOKEN)));
    }

    @Test
    void aRefusedTokenIsPermanentAndAnUnavailableTokenEndpointTransient() {
        stubs.job(wm, VertexStubs.JOB, Phase.RUNNING);
        wm.stubFor(post(urlPathEqualTo(VertexTestAccount.TOKEN_PATH)).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"invalid_grant\", \"error_description\": \"Invalid JWT Signature.\"}")));

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.fetch(VertexStubs.JOB, null));
        assertThat(refused.code()).isEqualTo("unauthenticated");
        assertThat(refused.getMessage()).contains("invalid_grant");

        wm.stubFor(post(urlPathEqualTo(VertexTestAccount.TOKEN_PATH)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> adapter(new TranslatingExports()).fetch(VertexStubs.JOB, null))
                .isInstanceOf(TransientProviderException.class).hasMessageContaining("access token");
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v1/" + VertexStubs.JOB)));
    }

    @Test
    void aJobIdThatIsNotAResourceNameIsNeverSent() {
        assertThatThrownBy(() -> adapter.fetch("projects/p/locations/l/tuningJobs/1/../../../other", null))
                .isInstanceOf(PermanentProviderException.class).hasMessageContaining("not a Vertex AI tuning job");
        assertThatThrownBy(() -> adapter.cancel("https://evil.example/x"))
                .isInstanceOf(PermanentProviderException.class);
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void theDefaultHostIsRegionalOrGlobal() {
        VertexSettings regional = new VertexSettings("p", "europe-west4", null, "v1", null, "b",
                URI.create("https://storage.googleapis.com"), Duration.ofSeconds(30));
        VertexSettings global = new VertexSettings("p", "global", null, "v1", null, "b",
                URI.create("https://storage.googleapis.com"), Duration.ofSeconds(30));
        assertThat(regional.apiBase()).isEqualTo(URI.create("https://europe-west4-aiplatform.googleapis.com"));
        assertThat(global.apiBase()).isEqualTo(URI.create("https://aiplatform.googleapis.com"));
    }

    @EnableConfigurationProperties({VertexSettings.class, ProviderPolicies.class})
    static class Properties {
    }

    @Test
    void isOnWhenFullyConfiguredAndOffNamingWhatIsMissing() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, VertexConfiguration.class)
                .withBean(DatasetExports.class, TranslatingExports::new);

        runner.withPropertyValues("tunegate.providers.vertex.project=p").run(context -> {
            assertThat(context).doesNotHaveBean(VertexAdapter.class);
            assertThat(context.getBean(ProviderOff.class).reason())
                    .contains("TUNEGATE_PROVIDERS_VERTEX_CREDENTIALS_FILE")
                    .contains("TUNEGATE_PROVIDERS_VERTEX_STAGING_BUCKET")
                    .doesNotContain("TUNEGATE_PROVIDERS_VERTEX_PROJECT");
        });
        runner.withPropertyValues("tunegate.providers.vertex.project=p",
                "tunegate.providers.vertex.staging-bucket=b",
                "tunegate.providers.vertex.credentials-file=" + account.file).run(context -> {
            assertThat(context).hasSingleBean(VertexAdapter.class).doesNotHaveBean(ProviderOff.class);
            assertThat(context.getBean(VertexSettings.class).location()).isEqualTo("us-central1");
        });
    }
}
