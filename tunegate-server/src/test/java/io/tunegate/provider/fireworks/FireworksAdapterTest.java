package io.tunegate.provider.fireworks;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tunegate.platform.web.ApiException;
import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.resilience.ProviderPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.util.unit.DataSize;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.tunegate.provider.fireworks.FireworksStubs.ROOT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What is particular to Fireworks, against its stubbed API without the resilience decoration. */
class FireworksAdapterTest {

    private static final UUID PROJECT = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final String JOBS = ROOT + "/supervisedFineTuningJobs";

    private final WireMockServer wm = startedWireMock();
    private final FireworksStubs stubs = new FireworksStubs();
    private FireworksAdapter adapter = adapter(DataSize.ofMegabytes(150));

    private static WireMockServer startedWireMock() {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    private FireworksAdapter adapter(DataSize directUploadMax) {
        return new FireworksAdapter(FireworksContractTest.settings("http://127.0.0.1:" + wm.port(), directUploadMax),
                ProviderPolicy.defaults(), new TranslatingExports(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private String stage() {
        return adapter.stage(new StageRequest(UUID.randomUUID(), PROJECT, "ds-00000000000000000000000001",
                stubs.providerModel(), StageRequest.Role.TRAINING));
    }

    private List<String> calls() {
        return wm.findAll(anyRequestedFor(anyUrl())).stream()
                .map(r -> r.getMethod().getName() + " " + r.getUrl().replaceAll("tunegate-[0-9a-f]{40}", "{ds}"))
                .toList();
    }

    @Test
    void smallFilesGoUpInOneMultipartRequest() {
        stubs.stageAccepted(wm);

        String name = stage();

        assertThat(name).matches("accounts/tunegate-test/datasets/tunegate-[0-9a-f]{40}");
        assertThat(calls()).containsExactly("POST " + ROOT + "/datasets", "POST " + ROOT + "/datasets/{ds}:upload");
    }

    @Test
    void largeFilesGoThroughASignedUrlThenValidation() {
        adapter = adapter(DataSize.ofBytes(100));
        stubs.stageAccepted(wm);
        String signed = "http://127.0.0.1:" + wm.port() + "/gcs/fireworks-datasets/train.jsonl?X-Goog-Signature=f00";
        wm.stubFor(post(urlPathMatching(ROOT + "/datasets/[^/]+:getUploadEndpoint"))
                .willReturn(okJson("{\"filenameToSignedUrls\": {\"train.fireworks-chat.jsonl\": \"" + signed + "\"}}")));
        wm.stubFor(put(urlPathEqualTo("/gcs/fireworks-datasets/train.jsonl")).willReturn(aResponse().withStatus(200)));
        wm.stubFor(post(urlPathMatching(ROOT + "/datasets/[^/]+:validateUpload")).willReturn(okJson("{}")));

        stage();

        assertThat(calls()).containsExactly("POST " + ROOT + "/datasets", "POST " + ROOT + "/datasets/{ds}:getUploadEndpoint",
                "PUT /gcs/fireworks-datasets/train.jsonl?X-Goog-Signature=f00",
                "POST " + ROOT + "/datasets/{ds}:validateUpload");
        List<LoggedRequest> all = wm.findAll(anyRequestedFor(anyUrl()));
        long size = all.get(2).getBody().length;
        assertThat(size).isGreaterThan(100);
        assertThat(all.get(1).getBodyAsString()).isEqualTo("{\"filenameToSize\":{\"train.fireworks-chat.jsonl\":\""
                + size + "\"}}");
        LoggedRequest upload = all.get(2);
        assertThat(upload.containsHeader("Authorization")).isFalse();
        assertThat(upload.getHeader("x-goog-content-length-range")).isEqualTo(size + "," + size);
        assertThat(upload.getHeader("Content-Type")).isEqualTo("application/octet-stream");
        assertThat(upload.getBodyAsString()).contains("Capital of France?");
    }

    @Test
    void aDatasetThatExistsAndIsReadyIsReused() {
        wm.stubFor(post(urlEqualTo(ROOT + "/datasets")).willReturn(FireworksStubs.grpcError(409, 6,
                "dataset already exists")));
        wm.stubFor(get(urlPathMatching(ROOT + "/datasets/[^/:]+")).willReturn(okJson(FireworksStubs.dataset("x", "READY"))));

        assertThat(stage()).startsWith("accounts/tunegate-test/datasets/tunegate-");
        assertThat(calls()).containsExactly("POST " + ROOT + "/datasets", "GET " + ROOT + "/datasets/{ds}");
    }

    @Test
    void aDatasetThatExistsButNeverFinishedUploadingIsUploadedAgain() {
        stubs.stageAccepted(wm);
        // ALREADY_EXISTS sent as a 400 with the gRPC code is read the same as a 409
        wm.stubFor(post(urlEqualTo(ROOT + "/datasets")).willReturn(FireworksStubs.grpcError(400, 6, "exists")));
        wm.stubFor(get(urlPathMatching(ROOT + "/datasets/[^/:]+")).willReturn(okJson(FireworksStubs.dataset("x", "UPLOADING"))));

        stage();

        assertThat(calls()).containsExactly("POST " + ROOT + "/datasets", "GET " + ROOT + "/datasets/{ds}",
                "POST " + ROOT + "/datasets/{ds}:upload");
    }

    @Test
    void translatesHyperparametersAndOptions() {
        wm.stubFor(stubs.create().willReturn(stubs.created(FireworksStubs.JOB_ID)));
        String key = UUID.randomUUID().toString();

        adapter.submit(new SubmitRequest(key, "job name", stubs.baseModel(), stubs.providerModel(),
                "accounts/tunegate-test/datasets/train", "accounts/tunegate-test/datasets/valid",
                new Hyperparameters(2, 8, 1e-4, null), Map.ofEntries(Map.entry("lora_rank", 16),
                Map.entry("max_context_length", 4096), Map.entry("display_name", "shown"),
                Map.entry("output_model", "my-model"), Map.entry("early_stop", true),
                Map.entry("learning_rate_warmup_steps", 10), Map.entry("batch_size_tokens", 32768),
                Map.entry("wandb_api_key", "wk"), Map.entry("wandb_project", "p"))));

        wm.verify(postRequestedFor(urlEqualTo(JOBS + "?supervisedFineTuningJobId=tunegate-" + key))
                .withRequestBody(equalToJson("""
                        {"dataset": "accounts/tunegate-test/datasets/train", "baseModel": "%s",
                         "displayName": "shown", "evaluationDataset": "accounts/tunegate-test/datasets/valid",
                         "epochs": 2, "batchSizeSamples": 8, "learningRate": 1e-4, "loraRank": 16,
                         "maxContextLength": 4096, "outputModel": "my-model", "earlyStop": true,
                         "learningRateWarmupSteps": 10, "batchSize": 32768,
                         "wandbConfig": {"enabled": true, "apiKey": "wk", "project": "p"}}
                        """.formatted(stubs.providerModel()))));
    }

    @Test
    void aConflictOnCreateAdoptsTheJobCreatedEarlier() {
        String key = UUID.randomUUID().toString();
        wm.stubFor(stubs.create().willReturn(FireworksStubs.grpcError(409, 6, "job already exists")));
        wm.stubFor(get(urlEqualTo(JOBS + "/tunegate-" + key)).willReturn(okJson(
                FireworksStubs.job("tunegate-" + key, "JOB_STATE_RUNNING", "OK", "", null))));

        SubmittedJob job = adapter.submit(new SubmitRequest(key, "j", stubs.baseModel(), stubs.providerModel(),
                "accounts/tunegate-test/datasets/train", null, Hyperparameters.AUTO, Map.of()));

        assertThat(job).isEqualTo(new SubmittedJob("tunegate-" + key, ProviderJobState.RUNNING, "JOB_STATE_RUNNING"));
        wm.verify(1, postRequestedFor(urlPathEqualTo(JOBS)));
    }

    @Test
    void aLearningRateMultiplierIsAnUnsupportedHyperparameter() {
        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.submit(new SubmitRequest("k", "j", stubs.baseModel(), stubs.providerModel(), "d", null,
                        new Hyperparameters(null, null, null, 0.5), Map.of())));

        assertThat(refused.code()).isEqualTo("unsupported_hyperparameter");
        wm.verify(0, postRequestedFor(urlPathEqualTo(JOBS)));
    }

    @Test
    void jobIdsFollowFireworksRules() {
        String uuid = UUID.randomUUID().toString();
        assertThat(FireworksAdapter.jobId(uuid)).isEqualTo("tunegate-" + uuid).hasSize(45);
        assertThat(FireworksAdapter.jobId("Some_Key/With Odd*Chars" + "x".repeat(80)))
                .matches("tunegate-[0-9a-f]{40}");
        assertThat(FireworksAdapter.jobId("Mixed_Case")).isEqualTo("tunegate-mixed-case");
    }

    @ParameterizedTest
    @CsvSource({"JOB_STATE_CREATING, QUEUED", "JOB_STATE_PENDING, QUEUED", "JOB_STATE_VALIDATING, QUEUED",
            "JOB_STATE_RE_QUEUEING, QUEUED", "JOB_STATE_RUNNING, RUNNING", "JOB_STATE_WRITING_RESULTS, RUNNING",
            "JOB_STATE_CANCELLING, RUNNING", "JOB_STATE_PAUSED, PAUSED", "JOB_STATE_COMPLETED, SUCCEEDED",
            "JOB_STATE_EARLY_STOPPED, SUCCEEDED", "JOB_STATE_FAILED, FAILED", "JOB_STATE_EXPIRED, FAILED",
            "JOB_STATE_CANCELLED, CANCELLED", "JOB_STATE_DELETING, CANCELLED", "JOB_STATE_UNSPECIFIED, RUNNING",
            "JOB_STATE_SOMETHING_NEW, RUNNING"})
    void mapsEveryState(String raw, ProviderJobState state) {
        assertThat(FireworksStates.state(raw)).isEqualTo(state);
    }

    @Test
    void anEarlyStoppedJobSucceedsWithItsModel() {
        wm.stubFor(stubs.getJob("j1").willReturn(okJson(FireworksStubs.job("j1", "JOB_STATE_EARLY_STOPPED", "OK", "", null))));

        ProviderJobSnapshot done = adapter.fetch("accounts/tunegate-test/supervisedFineTuningJobs/j1", null);

        assertThat(done.state()).isEqualTo(ProviderJobState.SUCCEEDED);
        assertThat(done.fineTunedModel()).isEqualTo("accounts/tunegate-test/models/j1");
        assertThat(done.progress()).isEqualTo(1.0);
    }

    @Test
    void anExpiredJobFailsNamingTheState() {
        wm.stubFor(stubs.getJob("j2").willReturn(okJson(FireworksStubs.job("j2", "JOB_STATE_EXPIRED", "OK", "", null))));

        ProviderJobSnapshot expired = adapter.fetch("j2", null);

        assertThat(expired.state()).isEqualTo(ProviderJobState.FAILED);
        assertThat(expired.error().code()).isEqualTo("JOB_STATE_EXPIRED");
        assertThat(expired.fineTunedModel()).isNull();
    }

    @Test
    void eventsComeFromStateChangesWithStableIds() {
        wm.stubFor(stubs.getJob("j3").willReturn(okJson(FireworksStubs.job("j3", "JOB_STATE_RUNNING", "OK", "",
                "\"jobProgress\": {\"percent\": 12.5, \"epoch\": 0}"))));
        ProviderJobSnapshot running = adapter.fetch("j3", null);
        ProviderJobSnapshot stillRunning = adapter.fetch("j3", running.nextEventCursor());
        wm.stubFor(stubs.getJob("j3").willReturn(okJson(FireworksStubs.job("j3", "JOB_STATE_FAILED",
                "RESOURCE_EXHAUSTED", "Out of GPU quota", null))));
        ProviderJobSnapshot failed = adapter.fetch("j3", stillRunning.nextEventCursor());

        assertThat(running.progress()).isEqualTo(0.125);
        assertThat(running.events()).singleElement().satisfies(e -> {
            assertThat(e.id()).isEqualTo("state:JOB_STATE_RUNNING");
            assertThat(e.createdAt()).hasToString("2026-11-21T10:05:00Z");
        });
        assertThat(stillRunning.events()).isEmpty();
        assertThat(failed.events()).singleElement().satisfies(e -> {
            assertThat(e.id()).startsWith("state:JOB_STATE_FAILED:");
            assertThat(e.level()).isEqualTo("error");
            assertThat(e.message()).contains("Out of GPU quota");
        });
        assertThat(failed.error()).isEqualTo(new ProviderJobSnapshot.Error("RESOURCE_EXHAUSTED", "Out of GPU quota"));
    }

    @Test
    void aJobThatIsGoneCountsAsCancelled() {
        wm.stubFor(stubs.getJob("j4").willReturn(FireworksStubs.grpcError(404, 5, "not found")));

        ProviderJobSnapshot gone = adapter.fetch("j4", null);

        assertThat(gone.state()).isEqualTo(ProviderJobState.CANCELLED);
        assertThat(gone.rawStatus()).isEqualTo("NOT_FOUND");
        assertThat(adapter.fetch("j4", gone.nextEventCursor()).events()).isEmpty();
    }

    @Test
    void cancelFallsBackToDeleteWhenTheCancelPathIsUnknown() {
        wm.stubFor(post(urlEqualTo(JOBS + "/j5:cancel")).willReturn(aResponse().withStatus(404)));
        wm.stubFor(post(urlEqualTo(JOBS + "/j6:cancel")).willReturn(FireworksStubs.grpcError(405, 12, "Method Not Allowed")));
        wm.stubFor(delete(urlPathMatching(JOBS + "/j[56]")).willReturn(okJson("{}")));

        adapter.cancel("j5");
        adapter.cancel("accounts/tunegate-test/supervisedFineTuningJobs/j6");

        wm.verify(deleteRequestedFor(urlEqualTo(JOBS + "/j5")));
        wm.verify(deleteRequestedFor(urlEqualTo(JOBS + "/j6")));
    }

    @Test
    void aRefusedCancelIsNotTurnedIntoADelete() {
        wm.stubFor(post(urlEqualTo(JOBS + "/j7:cancel")).willReturn(FireworksStubs.grpcError(400, 9,
                "job is already completed")));

        assertThatThrownBy(() -> adapter.cancel("j7")).isInstanceOf(PermanentProviderException.class)
                .hasMessageContaining("already completed");
        wm.verify(0, deleteRequestedFor(urlPathMatching(".*")));
    }

    @Test
    void readsBothErrorBodyShapes() {
        wm.stubFor(stubs.getJob("j8").willReturn(aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": \"Too Many Requests\", \"message\": \"You have exceeded your usage limits\"}")));
        wm.stubFor(stubs.getJob("j9").willReturn(FireworksStubs.grpcError(403, 7, "Permission denied on account")));

        assertThatThrownBy(() -> adapter.fetch("j8", null)).isInstanceOf(TransientProviderException.class)
                .hasMessageContaining("You have exceeded your usage limits");
        PermanentProviderException denied = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.fetch("j9", null));
        assertThat(denied.code()).isEqualTo("7");
        assertThat(denied.getMessage()).isEqualTo("Permission denied on account");
    }

    @Test
    void validatesOptions() {
        adapter.validateOptions(Map.of("lora_rank", 8, "early_stop", false, "region", "US_VIRGINIA_1"));

        assertThatThrownBy(() -> adapter.validateOptions(Map.of("loraRank", 8)))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.fireworks.loraRank");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("lora_rank", 8.5)))
                .isInstanceOf(ApiException.class).hasMessageContaining("lora_rank");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("output_model", "Not Valid")))
                .isInstanceOf(ApiException.class).hasMessageContaining("output_model");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("wandb_project", "p")))
                .isInstanceOf(ApiException.class).hasMessageContaining("wandb_api_key");
    }
}
