package io.tunegate.provider.together;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tunegate.platform.web.ApiException;
import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.resilience.ProviderPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What is particular to Together, against its stubbed API without the resilience decoration. */
class TogetherAdapterTest {

    private static final UUID PROJECT = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    private WireMockServer wm;
    private TogetherAdapter adapter;
    private final TogetherStubs stubs = new TogetherStubs();

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        adapter = new TogetherAdapter(TogetherContractTest.settings("http://127.0.0.1:" + wm.port()),
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

    private SubmitRequest request(String key, Hyperparameters hp, Map<String, Object> options) {
        return new SubmitRequest(key, "my job", stubs.baseModel(), stubs.providerModel(), TogetherStubs.FILE_ID,
                null, hp, options);
    }

    @Test
    void uploadsInThreeStepsAndThePresignedPutCarriesNoKeyAndTheNamedBytes() throws Exception {
        stubs.stageAccepted(wm);

        String fileId = stage();

        assertThat(fileId).isEqualTo(TogetherStubs.FILE_ID);
        List<LoggedRequest> calls = wm.findAll(anyRequestedFor(anyUrl()));
        assertThat(calls).extracting(r -> r.getMethod().getName() + " " + r.getUrl().replaceAll("\\?.*", ""))
                .containsExactly("GET /v1/files", "POST /v1/files", "PUT " + TogetherStubs.UPLOAD_PATH,
                        "POST /v1/files/" + TogetherStubs.FILE_ID + "/preprocess");
        LoggedRequest put = calls.get(2);
        assertThat(put.containsHeader("Authorization")).isFalse();
        assertThat(put.getUrl()).contains("X-Amz-Signature=abc123");
        // the file name carries the sha256 of exactly the bytes that were PUT
        Matcher name = Pattern.compile("file_name=tunegate-([0-9a-f]{64})-together-chat\\.jsonl")
                .matcher(calls.get(1).getBodyAsString());
        assertThat(name.find()).isTrue();
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(put.getBody())))
                .isEqualTo(name.group(1));
    }

    @Test
    void stagingTheSameBytesAgainReusesTheProcessedFile() {
        stubs.stageAccepted(wm);
        stage();
        String fileName = wm.findAll(postRequestedFor(urlEqualTo("/v1/files"))).getFirst().getBodyAsString()
                .replaceAll(".*file_name=([^&]+).*", "$1");
        wm.resetAll();
        stubs.stageAccepted(wm);
        wm.stubFor(get(urlEqualTo("/v1/files")).willReturn(okJson("{\"object\": \"list\", \"data\": ["
                + TogetherStubs.file(fileName, false).replace(TogetherStubs.FILE_ID, "file-unprocessed") + ","
                + TogetherStubs.file(fileName, true).replace(TogetherStubs.FILE_ID, "file-earlier")
                .replace("\"bytes\": 1234", "\"bytes\": " + exportedSize()) + "]}")));

        assertThat(stage()).isEqualTo("file-earlier");
        wm.verify(0, postRequestedFor(urlEqualTo("/v1/files")));
        wm.verify(0, putRequestedFor(urlPathMatching(".*")));
    }

    private long exportedSize() {
        try (var export = new TranslatingExports().export(PROJECT, "ds", "together", stubs.providerModel())) {
            return export.bytes();
        }
    }

    @Test
    void anUploadAnswerWithoutTheRedirectFailsTransiently() {
        stubs.stageAccepted(wm);
        wm.stubFor(post(urlEqualTo("/v1/files")).willReturn(okJson("{\"id\": \"file-x\"}")));

        assertThatThrownBy(this::stage).isInstanceOf(TransientProviderException.class)
                .hasMessageContaining("instead of a redirect");
    }

    @Test
    void translatesHyperparametersAndOptions() {
        stubs.stageAccepted(wm);
        wm.stubFor(stubs.create().willReturn(stubs.created(TogetherStubs.JOB_ID)));
        String key = UUID.randomUUID().toString();

        adapter.submit(request(key, new Hyperparameters(2, 16, 2e-5, null), Map.ofEntries(
                Map.entry("lora_r", 16), Map.entry("lora_alpha", 32), Map.entry("lora_dropout", 0.05),
                Map.entry("train_on_inputs", "auto"), Map.entry("n_checkpoints", 2), Map.entry("n_evals", 0),
                Map.entry("warmup_ratio", 0.1), Map.entry("lr_scheduler", "cosine"), Map.entry("min_lr_ratio", 0.1),
                Map.entry("scheduler_num_cycles", 0.5), Map.entry("wandb_key", "wk"),
                Map.entry("wandb_project_name", "tunegate"))));

        wm.verify(postRequestedFor(urlEqualTo("/v1/fine-tunes")).withRequestBody(equalToJson("""
                {"training_file": "%s", "model": "meta-llama/Meta-Llama-3.1-8B-Instruct-Reference",
                 "n_epochs": 2, "batch_size": 16, "learning_rate": 2e-5, "suffix": "%s",
                 "training_type": {"type": "Lora", "lora_r": 16, "lora_alpha": 32.0, "lora_dropout": 0.05},
                 "training_method": {"method": "sft", "train_on_inputs": "auto"},
                 "n_checkpoints": 2, "n_evals": 0, "warmup_ratio": 0.1,
                 "lr_scheduler": {"lr_scheduler_type": "cosine", "lr_scheduler_args": {"min_lr_ratio": 0.1, "num_cycles": 0.5}},
                 "wandb_key": "wk", "wandb_project_name": "tunegate"}""".formatted(TogetherStubs.FILE_ID, key))));
    }

    @Test
    void fullTrainingAndAValidationFile() {
        stubs.stageAccepted(wm);
        wm.stubFor(stubs.create().willReturn(stubs.created(TogetherStubs.JOB_ID)));
        String key = UUID.randomUUID().toString();

        adapter.submit(new SubmitRequest(key, "j", stubs.baseModel(), stubs.providerModel(), TogetherStubs.FILE_ID,
                "file-validation", Hyperparameters.AUTO, Map.of("training_type", "full", "train_on_inputs", false)));

        wm.verify(postRequestedFor(urlEqualTo("/v1/fine-tunes")).withRequestBody(equalToJson("""
                {"training_file": "%s", "validation_file": "file-validation", "model": "%s", "suffix": "%s",
                 "training_type": {"type": "Full"}, "training_method": {"method": "sft", "train_on_inputs": false}}
                """.formatted(TogetherStubs.FILE_ID, stubs.providerModel(), key))));
    }

    @Test
    void preferenceDataTrainsWithDpo() {
        wm.stubFor(get(urlEqualTo("/v1/files/" + TogetherStubs.FILE_ID))
                .willReturn(okJson(TogetherStubs.file("tunegate-" + "ab".repeat(32) + "-together-preference.jsonl", true))));
        wm.stubFor(stubs.create().willReturn(stubs.created(TogetherStubs.JOB_ID)));

        adapter.submit(request("k1", Hyperparameters.AUTO, Map.of("dpo_beta", 0.2, "rpo_alpha", 1)));

        wm.verify(postRequestedFor(urlEqualTo("/v1/fine-tunes")).withRequestBody(equalToJson("""
                {"training_file": "%s", "model": "%s", "suffix": "k1",
                 "training_method": {"method": "dpo", "dpo_beta": 0.2, "rpo_alpha": 1.0}}
                """.formatted(TogetherStubs.FILE_ID, stubs.providerModel()))));
    }

    @Test
    void dpoSettingsOnConversationDataAreRefusedBeforeCreating() {
        stubs.stageAccepted(wm);

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.submit(request("k2", Hyperparameters.AUTO, Map.of("dpo_beta", 0.2))));

        assertThat(refused.code()).isEqualTo("invalid_provider_options");
        wm.verify(0, postRequestedFor(urlEqualTo("/v1/fine-tunes")));
    }

    @Test
    void aLearningRateMultiplierIsAnUnsupportedHyperparameter() {
        stubs.stageAccepted(wm);

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.submit(request("k3", new Hyperparameters(null, null, null, 2.0), Map.of())));

        assertThat(refused.code()).isEqualTo("unsupported_hyperparameter");
        assertThat(refused.getMessage()).contains("learning_rate_multiplier");
        wm.verify(0, postRequestedFor(urlEqualTo("/v1/fine-tunes")));
    }

    @Test
    void aRateLimitCarriesTogethersRetryAfterMs() {
        stubs.stageAccepted(wm);
        wm.stubFor(stubs.create().willReturn(stubs.error(429, "Rate limit").withHeader("retry-after-ms", "1500")
                .withHeader("retry-after", "9")));

        TransientProviderException limited = catchThrowableOfType(TransientProviderException.class,
                () -> adapter.submit(request("k4", Hyperparameters.AUTO, Map.of())));

        assertThat(limited.retryAfter()).contains(Duration.ofMillis(1500));
    }

    @ParameterizedTest
    @CsvSource({"pending, QUEUED", "queued, QUEUED", "running, RUNNING", "compressing, RUNNING",
            "uploading, RUNNING", "cancel_requested, RUNNING", "completed, SUCCEEDED", "cancelled, CANCELLED",
            "error, FAILED", "user_error, FAILED", "paused, RUNNING", "something_new, RUNNING"})
    void mapsEveryStatus(String raw, ProviderJobState state) {
        assertThat(TogetherStatuses.state(raw)).isEqualTo(state);
    }

    @Test
    void aUserErrorReportsTheReasonFromItsEvent() {
        wm.stubFor(stubs.getJob("ft-u").willReturn(okJson(TogetherStubs.job("ft-u", "user_error", null, null,
                "\"total_steps\": 0"))));
        wm.stubFor(get(urlEqualTo("/v1/fine-tunes/ft-u/events")).willReturn(okJson(TogetherStubs.events(
                TogetherStubs.event("2026-11-21T10:00:01Z", "JOB_PENDING", "Info", "Fine tune request created") + ","
                        + TogetherStubs.event("2026-11-21T10:01:00Z", "JOB_USER_ERROR", "",
                        "Invalid file format: missing field messages on line 3") + ","
                        + TogetherStubs.event("2026-11-21T10:01:01Z", "REFUND", "Info", "Refunded")))));

        ProviderJobSnapshot snapshot = adapter.fetch("ft-u", null);

        assertThat(snapshot.state()).isEqualTo(ProviderJobState.FAILED);
        assertThat(snapshot.rawStatus()).isEqualTo("user_error");
        assertThat(snapshot.error()).isEqualTo(new ProviderJobSnapshot.Error("user_error",
                "Invalid file format: missing field messages on line 3"));
        assertThat(snapshot.events()).extracting(ProviderJobSnapshot.Event::level).containsExactly("info", "error", "info");
    }

    @Test
    void eventsGetStableIdsAndTheCursorYieldsOnlyNewOnes() {
        String first = TogetherStubs.event("2026-11-21T10:00:01Z", "JOB_PENDING", "Info", "Fine tune request created");
        String checkpoint = TogetherStubs.event("2026-11-21T10:10:00Z", "CHECKPOINT_SAVE", "Info", "Checkpoint saved");
        wm.stubFor(stubs.getJob("ft-e").willReturn(okJson(TogetherStubs.job("ft-e", "running", null, null,
                "\"total_steps\": 200, \"steps_completed\": 50"))));
        wm.stubFor(get(urlEqualTo("/v1/fine-tunes/ft-e/events"))
                .willReturn(okJson(TogetherStubs.events(first + "," + checkpoint))));

        ProviderJobSnapshot before = adapter.fetch("ft-e", null);
        // the same event twice (same time, type and message) later in the list, then one more
        wm.stubFor(get(urlEqualTo("/v1/fine-tunes/ft-e/events")).willReturn(okJson(TogetherStubs.events(
                first + "," + checkpoint + "," + checkpoint + ","
                        + TogetherStubs.event("2026-11-21T10:20:00Z", "EPOCH_COMPLETE", "Info", "Epoch 1 done")))));
        ProviderJobSnapshot after = adapter.fetch("ft-e", before.nextEventCursor());
        ProviderJobSnapshot again = adapter.fetch("ft-e", null);

        assertThat(before.progress()).isEqualTo(0.25);
        assertThat(before.events()).hasSize(2);
        assertThat(after.events()).extracting(ProviderJobSnapshot.Event::message)
                .containsExactly("Checkpoint saved", "Epoch 1 done");
        assertThat(after.events().getFirst().id()).isNotEqualTo(before.events().get(1).id());
        // ids do not depend on the cursor: a full read gives the same ids again
        assertThat(again.events().subList(0, 2)).isEqualTo(before.events());
        assertThat(again.events().subList(2, 4)).isEqualTo(after.events());
        assertThat(again.events().getFirst().createdAt()).hasToString("2026-11-21T10:00:01Z");
    }

    @Test
    void aCursorWhoseEventVanishedFallsBackToTheCount() {
        List<TogetherEvents.Read> all = TogetherEvents.read(tools.jackson.databind.json.JsonMapper.builder().build()
                .readTree(TogetherStubs.events(
                        TogetherStubs.event("2026-11-21T10:00:01Z", "A", "Info", "one") + ","
                                + TogetherStubs.event("2026-11-21T10:00:02Z", "B", "Info", "two") + ","
                                + TogetherStubs.event("2026-11-21T10:00:03Z", "C", "Info", "three"))));

        assertThat(TogetherEvents.after(all, "2:ev-gone").events()).extracting(ProviderJobSnapshot.Event::message)
                .containsExactly("three");
        assertThat(TogetherEvents.after(all, "3:" + all.get(2).id()).events()).isEmpty();
        assertThat(TogetherEvents.after(all, "3:" + all.get(0).id()).events()).hasSize(2);
    }

    @Test
    void findsAJobByItsOutputNameWhenTheListOmitsTheSuffix() {
        String key = UUID.randomUUID().toString();
        wm.stubFor(get(urlEqualTo("/v1/fine-tunes")).willReturn(okJson("{\"object\": \"list\", \"data\": ["
                + TogetherStubs.job("ft-other", "completed", null, "acct/Model-other-1234", null) + ","
                + TogetherStubs.job("ft-mine", "queued", null, "acct/Meta-Llama-3.1-8B-Instruct-Reference-" + key
                + "-5f3a", null) + "]}")));

        assertThat(adapter.findSubmitted(key)).hasValueSatisfying(found -> {
            assertThat(found.providerJobId()).isEqualTo("ft-mine");
            assertThat(found.state()).isEqualTo(ProviderJobState.QUEUED);
        });
        assertThat(adapter.findSubmitted(UUID.randomUUID().toString())).isEmpty();
    }

    @Test
    void theSuffixFitsTogethersFortyCharacters() {
        String uuid = UUID.randomUUID().toString();
        assertThat(TogetherAdapter.suffix(uuid)).isEqualTo(uuid);
        String longKey = "a-very-long-idempotency-key-that-does-not-fit-in-forty";
        assertThat(TogetherAdapter.suffix(longKey)).hasSize(40).isEqualTo(TogetherAdapter.suffix(longKey))
                .matches("[0-9a-f]{40}");
    }

    @Test
    void cancelPostsToCancel() {
        stubs.cancelAccepted(wm, "ft-c");

        adapter.cancel("ft-c");

        stubs.verifyCancel(wm, "ft-c");
    }

    @Test
    void validatesOptions() {
        adapter.validateOptions(Map.of("lora_r", 8, "warmup_ratio", 0.05, "train_on_inputs", true));
        adapter.validateOptions(Map.of());

        assertThatThrownBy(() -> adapter.validateOptions(Map.of("suffix", "mine")))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.together.suffix");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("lora_r", "8")))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.together.lora_r");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("training_type", "full", "lora_r", 8)))
                .isInstanceOf(ApiException.class).hasMessageContaining("lora_r");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("training_type", "qlora")))
                .isInstanceOf(ApiException.class).hasMessageContaining("training_type");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("warmup_ratio", 2)))
                .isInstanceOf(ApiException.class).hasMessageContaining("warmup_ratio");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("train_on_inputs", "sometimes")))
                .isInstanceOf(ApiException.class).hasMessageContaining("train_on_inputs");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("lr_scheduler", "linear", "scheduler_num_cycles", 1)))
                .isInstanceOf(ApiException.class).hasMessageContaining("scheduler_num_cycles");
    }

    @Test
    void aGarbledRedirectIsTransientAndA401IsPermanent() {
        wm.stubFor(get(urlEqualTo("/v1/files")).willReturn(okJson("{\"data\": []}")));
        wm.stubFor(post(urlEqualTo("/v1/files")).willReturn(aResponse().withStatus(302)));
        assertThatThrownBy(this::stage).isInstanceOf(TransientProviderException.class)
                .hasMessageContaining("without Location");

        wm.stubFor(post(urlEqualTo("/v1/files")).willReturn(stubs.error(401, "Invalid API key provided")));
        assertThatThrownBy(this::stage).isInstanceOf(PermanentProviderException.class)
                .hasMessageContaining("Invalid API key provided");
    }
}
