package io.tunegate.provider.mistral;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.tunegate.dataset.DatasetExportException;
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
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.resilience.ProviderPolicies;
import io.tunegate.provider.resilience.ProviderPolicy;
import io.tunegate.dataset.DatasetExports;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What is Mistral's own: translation of settings and options, statuses, events, reconciliation, errors. */
class MistralAdapterTest {

    private final MistralStubs stubs = new MistralStubs();
    private WireMockServer wm;
    private MistralAdapter adapter;

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        adapter = adapter("wandb-secret", new TranslatingExports());
    }

    @AfterEach
    void stop() {
        wm.stop();
    }

    private MistralAdapter adapter(String wandbKey, DatasetExports exports) {
        return new MistralAdapter(new MistralSettings(URI.create("http://127.0.0.1:" + wm.port() + "/"),
                MistralStubs.API_KEY, wandbKey, Duration.ofSeconds(30)), exports, ProviderPolicy.defaults(),
                Clock.systemUTC());
    }

    private SubmitRequest request(Hyperparameters hp, Map<String, Object> options) {
        return new SubmitRequest(UUID.randomUUID().toString(), "support-bot", "mistral-7b", "open-mistral-7b",
                MistralStubs.FILE_ID, "84482011-dfe9-4245-9103-d28b6aef30d4", hp, options);
    }

    @Test
    void sendsHyperparametersOptionsValidationDataAndWandbWithTheGatewaysKey() {
        wm.stubFor(stubs.create().willReturn(stubs.created(MistralStubs.JOB_ID)));
        SubmitRequest request = request(new Hyperparameters(2, null, 0.0002, null), Map.of(
                "training_steps", 50, "warmup_fraction", 0.05, "weight_decay", 0.1, "seq_len", 8192,
                "fim_ratio", 0.9, "invalid_sample_skip_percentage", 5,
                "wandb", Map.of("project", "tunegate", "run_name", "run-1")));

        SubmittedJob job = adapter.submit(request);

        assertThat(job).isEqualTo(new SubmittedJob(MistralStubs.JOB_ID, ProviderJobState.QUEUED, "QUEUED"));
        wm.verify(postRequestedFor(urlPathEqualTo(MistralStubs.JOBS)).withRequestBody(equalToJson("""
                {"model": "open-mistral-7b",
                 "hyperparameters": {"epochs": 2, "learning_rate": 0.0002, "training_steps": 50,
                                     "warmup_fraction": 0.05, "weight_decay": 0.1, "seq_len": 8192, "fim_ratio": 0.9},
                 "training_files": [{"file_id": "%s", "weight": 1}],
                 "validation_files": ["84482011-dfe9-4245-9103-d28b6aef30d4"],
                 "suffix": "%s", "auto_start": true, "invalid_sample_skip_percentage": 5.0,
                 "integrations": [{"type": "wandb", "project": "tunegate", "api_key": "wandb-secret",
                                   "run_name": "run-1"}]}""".formatted(MistralStubs.FILE_ID,
                MistralTag.of(request.idempotencyKey())))));
    }

    @Test
    void sendsAnEmptyHyperparameterObjectWhenEverythingIsAuto() {
        wm.stubFor(stubs.create().willReturn(stubs.created(MistralStubs.JOB_ID)));

        adapter.submit(new SubmitRequest("k", "n", "mistral-7b", "open-mistral-7b", MistralStubs.FILE_ID, null,
                Hyperparameters.AUTO, Map.of()));

        wm.verify(postRequestedFor(urlPathEqualTo(MistralStubs.JOBS)).withRequestBody(equalToJson("""
                {"model": "open-mistral-7b", "hyperparameters": {},
                 "training_files": [{"file_id": "%s", "weight": 1}], "suffix": "%s", "auto_start": true}"""
                .formatted(MistralStubs.FILE_ID, MistralTag.of("k")))));
    }

    @Test
    void batchSizeAndLearningRateMultiplierAreRefusedWithoutCallingMistral() {
        PermanentProviderException batch = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.submit(request(new Hyperparameters(3, 8, null, null), Map.of())));
        PermanentProviderException multiplier = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.submit(request(new Hyperparameters(3, null, null, 2.0), Map.of())));

        assertThat(batch.code()).isEqualTo("unsupported_hyperparameter");
        assertThat(batch.getMessage()).contains("batch_size");
        assertThat(multiplier.code()).isEqualTo("unsupported_hyperparameter");
        assertThat(multiplier.getMessage()).contains("learning_rate_multiplier");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void checksProviderOptionsByNameTypeAndRange() {
        adapter.validateOptions(Map.of("training_steps", 10, "warmup_fraction", 0.1,
                "wandb", Map.of("project", "p", "name", "n")));

        assertThatThrownBy(() -> adapter.validateOptions(Map.of("lora_rank", 8)))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.mistral.lora_rank");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("training_steps", "ten")))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.mistral.training_steps");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("training_steps", 2.5)))
                .isInstanceOf(ApiException.class).hasMessageContaining("whole number");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("warmup_fraction", 1.5)))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.mistral.warmup_fraction");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("wandb", Map.of("name", "n"))))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.mistral.wandb.project");
        assertThatThrownBy(() -> adapter.validateOptions(Map.of("wandb", Map.of("project", "p", "api_key", "k"))))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.mistral.wandb.api_key");
        assertThatThrownBy(() -> adapter(null, new TranslatingExports())
                .validateOptions(Map.of("wandb", Map.of("project", "p"))))
                .isInstanceOf(ApiException.class).hasMessageContaining("provider_options.mistral.wandb");
    }

    @ParameterizedTest
    @CsvSource({
            "QUEUED, QUEUED", "VALIDATING, QUEUED", "VALIDATED, QUEUED", "STARTED, RUNNING", "RUNNING, RUNNING",
            "CANCELLATION_REQUESTED, RUNNING", "SUCCESS, SUCCEEDED", "FAILED, FAILED", "FAILED_VALIDATION, FAILED",
            "CANCELLED, CANCELLED", "PAUSED_FOR_MAINTENANCE, RUNNING", "queued, QUEUED"})
    void mapsEveryStatusAndKeepsTheRawOne(String raw, ProviderJobState state) {
        wm.stubFor(stubs.getJob(MistralStubs.JOB_ID).willReturn(okJson(
                MistralStubs.job(MistralStubs.JOB_ID, raw, "null", "null", "[]", "[]"))));

        ProviderJobSnapshot snapshot = adapter.fetch(MistralStubs.JOB_ID, null);

        assertThat(snapshot.state()).isEqualTo(state);
        assertThat(snapshot.rawStatus()).isEqualTo(raw);
    }

    @Test
    void failedValidationCarriesItsStatusAsTheCode() {
        wm.stubFor(stubs.getJob(MistralStubs.JOB_ID).willReturn(okJson(MistralStubs.job(MistralStubs.JOB_ID,
                "FAILED_VALIDATION", "null", "null", "[" + MistralStubs.event("FAILED_VALIDATION", 1763700100) + "]",
                "[]"))));

        ProviderJobSnapshot snapshot = adapter.fetch(MistralStubs.JOB_ID, null);

        assertThat(snapshot.error().code()).isEqualTo("failed_validation");
        assertThat(snapshot.error().message()).contains("FAILED_VALIDATION");
        assertThat(snapshot.events()).singleElement().satisfies(e -> assertThat(e.level()).isEqualTo("error"));
    }

    @Test
    void eventsAreDeliveredOnceInTheOrderTheyHappenedEvenWhenIdentical() {
        // Mistral's own example: three data-less status-updated events in one second, newest first
        String same = """
                {"name": "status-updated", "created_at": 1721405549}""";
        wm.stubFor(stubs.getJob(MistralStubs.JOB_ID).willReturn(okJson(MistralStubs.job(MistralStubs.JOB_ID,
                "RUNNING", "null", "null", "[" + same + ", " + same + ", " + MistralStubs.event("QUEUED", 1721405548)
                        + "]", "[]"))));

        ProviderJobSnapshot first = adapter.fetch(MistralStubs.JOB_ID, null);

        assertThat(first.events()).extracting(ProviderJobSnapshot.Event::message)
                .containsExactly("status-updated: QUEUED", "status-updated", "status-updated");
        assertThat(first.events()).extracting(ProviderJobSnapshot.Event::id).doesNotHaveDuplicates();
        assertThat(first.events().getFirst().createdAt()).isEqualTo(Instant.ofEpochSecond(1721405548));
        assertThat(first.nextEventCursor()).isEqualTo("3");

        wm.stubFor(stubs.getJob(MistralStubs.JOB_ID).willReturn(okJson(MistralStubs.job(MistralStubs.JOB_ID,
                "SUCCESS", "\"ft:x\"", "10", "[" + MistralStubs.event("SUCCESS", 1721409999) + ", " + same + ", "
                        + same + ", " + MistralStubs.event("QUEUED", 1721405548) + "]", "[]"))));

        ProviderJobSnapshot second = adapter.fetch(MistralStubs.JOB_ID, first.nextEventCursor());

        assertThat(second.events()).singleElement().satisfies(e -> {
            assertThat(e.message()).isEqualTo("status-updated: SUCCESS");
            assertThat(e.id()).isEqualTo("event-3:status-updated");
        });
        assertThat(second.nextEventCursor()).isEqualTo("4");
    }

    @Test
    void checkpointsBecomeMetricPointsInStepOrderWithProgress() {
        stubs.job(wm, MistralStubs.JOB_ID, io.tunegate.provider.contract.ProviderStubs.Phase.RUNNING);

        ProviderJobSnapshot snapshot = adapter.fetch(MistralStubs.JOB_ID, null);

        assertThat(snapshot.metrics()).extracting(ProviderJobSnapshot.MetricPoint::step).containsExactly(10, 20);
        assertThat(snapshot.metrics().getFirst().trainLoss()).isEqualTo(0.803578);
        assertThat(snapshot.metrics().getFirst().validLoss()).isEqualTo(0.914257);
        assertThat(snapshot.metrics().getFirst().extra()).containsEntry("valid_mean_token_accuracy", 1.77);
        assertThat(snapshot.progress()).isEqualTo(0.2);   // step 20 of training_steps 100
    }

    @Test
    void findsItsJobByTheSuffixTagAcrossPagesAndIgnoresOtherJobs() {
        String key = UUID.randomUUID().toString();
        List<String> decoys = new ArrayList<>();
        for (int i = 0; i < MistralAdapter.PAGE_SIZE; i++) {
            // jobs a loose filter might return: another tag, or none
            decoys.add(MistralStubs.job(UUID.randomUUID().toString(), "RUNNING", "null", "null", null, null,
                    i % 2 == 0 ? "tgffffffffffffffff" : "my-model"));
        }
        wm.stubFor(get(urlPathEqualTo(MistralStubs.JOBS)).withQueryParam("page", equalTo("0"))
                .willReturn(okJson("{\"object\": \"list\", \"total\": 101, \"data\": [" + String.join(",", decoys)
                        + "]}")));
        wm.stubFor(get(urlPathEqualTo(MistralStubs.JOBS)).withQueryParam("page", equalTo("1"))
                .willReturn(okJson("{\"object\": \"list\", \"total\": 101, \"data\": [" + MistralStubs.job(
                        MistralStubs.JOB_ID, "VALIDATING", "null", "null", null, null, MistralTag.of(key)) + "]}")));

        assertThat(adapter.findSubmitted(key)).contains(
                new SubmittedJob(MistralStubs.JOB_ID, ProviderJobState.QUEUED, "VALIDATING"));
        wm.verify(getRequestedFor(urlPathEqualTo(MistralStubs.JOBS))
                .withQueryParam("suffix", equalTo(MistralTag.of(key)))
                .withQueryParam("page_size", equalTo("100")));
        wm.verify(2, getRequestedFor(urlPathEqualTo(MistralStubs.JOBS)));
    }

    @Test
    void theTagIsShortPlainAndTheSameForTheSameKey() {
        String key = UUID.randomUUID().toString();
        assertThat(MistralTag.of(key)).matches("tg[0-9a-f]{16}").isEqualTo(MistralTag.of(key))
                .isNotEqualTo(MistralTag.of(UUID.randomUUID().toString()));
    }

    @Test
    void a422ValidationErrorIsPermanentWithMistralsMessage() {
        wm.stubFor(stubs.create().willReturn(stubs.error(422,
                "At least one training file or repository is required.")));

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.submit(request(Hyperparameters.AUTO, Map.of())));

        assertThat(refused.getMessage()).isEqualTo(
                "body.job_in: At least one training file or repository is required.");
        assertThat(refused.provider()).isEqualTo("mistral");
    }

    @Test
    void a429RateLimitIsTransientWithItsRetryHint() {
        wm.stubFor(stubs.create().willReturn(stubs.error(429, "Rate limit exceeded").withHeader("Retry-After", "7")));

        TransientProviderException limited = catchThrowableOfType(TransientProviderException.class,
                () -> adapter.submit(request(Hyperparameters.AUTO, Map.of())));

        assertThat(limited.getMessage()).contains("HTTP 429").contains("1300").contains("Rate limit exceeded");
        assertThat(limited.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    void aJobAnswerWithoutAnIdIsABadAnswerNotASuccess() {
        wm.stubFor(stubs.create().willReturn(okJson("{\"object\": \"job\", \"status\": \"QUEUED\"}")));

        assertThatThrownBy(() -> adapter.submit(request(Hyperparameters.AUTO, Map.of())))
                .isInstanceOf(TransientProviderException.class).hasMessageContaining("without 'id'");
    }

    @Test
    void stagesTheTranslatedFileUnderAContentName() {
        stubs.stageAccepted(wm);

        String file = adapter.stage(new StageRequest(UUID.randomUUID(), UUID.randomUUID(), "ds-1",
                "open-mistral-7b", StageRequest.Role.VALIDATION));

        assertThat(file).isEqualTo(MistralStubs.FILE_ID);
        wm.verify(postRequestedFor(urlPathEqualTo("/v1/files")).withRequestBodyPart(aMultipart().withName("file")
                .withHeader("Content-Disposition", matching(".*filename=\"tunegate-[0-9a-f]{16}-validation\\.jsonl\".*"))
                .build()));
    }

    @Test
    void dataMistralCannotTakeIsAPermanentUnsupportedDataRefusal() {
        MistralAdapter refusing = adapter(null, (project, dataset, provider, model) -> {
            throw new DatasetExportException("Mistral has no format for preference data", false, null);
        });

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> refusing.stage(new StageRequest(UUID.randomUUID(), UUID.randomUUID(), "ds-1", "open-mistral-7b",
                        StageRequest.Role.TRAINING)));

        assertThat(refused.code()).isEqualTo("unsupported_data");
        assertThat(refused.getMessage()).contains("preference");
        wm.verify(0, anyRequestedFor(anyUrl()));
    }

    @Test
    void settingsNeverShowTheKeys() {
        MistralSettings settings = new MistralSettings(URI.create("https://api.mistral.ai"), "sk-secret", "wb-secret",
                Duration.ofSeconds(30));
        assertThat(settings.toString()).doesNotContain("sk-secret").doesNotContain("wb-secret");
    }

    @EnableConfigurationProperties({MistralSettings.class, ProviderPolicies.class})
    static class Properties {
    }

    @Test
    void isOnWithAnApiKeyAndOffSayingWhichVariableToSetWithout() {
        ApplicationContextRunner runner = new ApplicationContextRunner()
                .withUserConfiguration(Properties.class, MistralConfiguration.class)
                .withBean(DatasetExports.class, TranslatingExports::new);

        runner.run(context -> {
            assertThat(context).doesNotHaveBean(MistralAdapter.class);
            assertThat(context.getBean(ProviderOff.class).reason())
                    .contains("TUNEGATE_PROVIDERS_MISTRAL_API_KEY");
        });
        runner.withPropertyValues("tunegate.providers.mistral.api-key=sk-test",
                "tunegate.providers.mistral.poll-interval=45s").run(context -> {
            assertThat(context).hasSingleBean(MistralAdapter.class).doesNotHaveBean(ProviderOff.class);
            assertThat(context.getBean(MistralAdapter.class).capabilities().pollInterval())
                    .isEqualTo(Duration.ofSeconds(45));
        });
    }
}
