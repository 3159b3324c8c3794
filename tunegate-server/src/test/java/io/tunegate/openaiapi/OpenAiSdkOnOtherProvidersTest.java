package io.tunegate.openaiapi;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.UnprocessableEntityException;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FilePurpose;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.FineTuningJobEvent;
import com.openai.models.finetuning.jobs.JobCreateParams;
import com.openai.models.finetuning.jobs.JobListEventsPage;
import com.openai.models.finetuning.jobs.JobListEventsParams;
import com.openai.models.finetuning.jobs.JobListParams;
import com.openai.models.finetuning.jobs.checkpoints.CheckpointListParams;
import com.openai.models.finetuning.jobs.checkpoints.FineTuningJobCheckpoint;
import io.tunegate.provider.contract.ProviderStubs;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.mistral.MistralStubs;
import io.tunegate.security.Projects;
import io.tunegate.support.HandStartedGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * OpenAI SDK code trains on another provider: Mistral's real adapter against a WireMock stub of Mistral's
 * API, chosen by {@code metadata.tunegate_provider}, with the model named by Mistral's own id. One gateway and
 * one stub for the class; each test has its own project. The stub answers a job creation by the epochs asked
 * for: 2 and 5 make a job that runs until cancelled, 4 a refusal, anything else the job that succeeds.
 */
class OpenAiSdkOnOtherProvidersTest {

    private static final MistralStubs MISTRAL = new MistralStubs();
    private static final String CANCELLED_JOB = "7f3c2a10-5b1e-4d2f-9a61-0c8e4b7d2f01";
    private static final String PAUSED_JOB = "1a9e7c44-2d6b-4f80-8e3a-6b5f0d9c3e12";
    private static final long RUNS_UNTIL_CANCELLED = 2;
    private static final long REFUSED = 4;
    private static final long PAUSE_ASKED = 5;
    private static final String REFUSAL = "Invalid model for fine-tuning: epochs above the model's limit";

    private static WireMockServer mistral;
    private static HandStartedGateway gateway;

    @BeforeAll
    static void start() {
        mistral = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        mistral.start();
        MISTRAL.stageAccepted(mistral);
        MISTRAL.nothingSubmitted(mistral);
        mistral.stubFor(MISTRAL.create().willReturn(MISTRAL.created(MISTRAL.providerJobId())));
        MISTRAL.job(mistral, MISTRAL.providerJobId(), ProviderStubs.Phase.SUCCEEDED);
        mistral.stubFor(createWithEpochs(RUNS_UNTIL_CANCELLED).willReturn(MISTRAL.created(CANCELLED_JOB)));
        MISTRAL.runningUntilCancelled(mistral, CANCELLED_JOB);
        mistral.stubFor(createWithEpochs(PAUSE_ASKED).willReturn(MISTRAL.created(PAUSED_JOB)));
        MISTRAL.runningUntilCancelled(mistral, PAUSED_JOB);
        mistral.stubFor(createWithEpochs(REFUSED).willReturn(MISTRAL.error(422, REFUSAL)));
        gateway = HandStartedGateway.start(
                "--tunegate.providers.mistral.api-key=test-mistral-key",
                "--tunegate.providers.mistral.base-url=http://127.0.0.1:" + mistral.port(),
                "--tunegate.providers.mistral.poll-interval=200ms");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        mistral.stop();
    }

    @Test
    void aJobNamingMistralInItsMetadataTrainsThereAndEndsWithItsModel() {
        OpenAIClient client = client();
        FineTuningJob created = client.fineTuning().jobs().create(onMistral(upload(client), Map.of("team", "search"))
                .build());
        assertThat(created.model()).isEqualTo(MISTRAL.providerModel());

        FineTuningJob done = awaitStatus(client, created.id(), FineTuningJob.Status.SUCCEEDED);
        assertThat(done.fineTunedModel()).contains(MISTRAL.fineTunedModel());
        assertThat(done.trainedTokens()).contains(MISTRAL.trainedTokens());
        mistral.verify(postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs"))
                .withRequestBody(matchingJsonPath("$.model", equalTo(MISTRAL.providerModel()))));

        // the final model is the one checkpoint, at the last step of Mistral's curve with its metrics
        List<FineTuningJobCheckpoint> checkpoints = client.fineTuning().jobs().checkpoints()
                .list(CheckpointListParams.builder().fineTuningJobId(done.id()).build()).data();
        assertThat(checkpoints).singleElement().satisfies(c -> {
            assertThat(c.fineTunedModelCheckpoint()).isEqualTo(MISTRAL.fineTunedModel());
            assertThat(c.stepNumber()).isEqualTo(100);
            assertThat(c.metrics().validLoss()).contains(0.819697);
        });
    }

    @Test
    void jobsOnMistralAreListedNewestFirstThroughEveryPageAndFilteredByMetadata() {
        OpenAIClient client = client();
        String file = upload(client);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(client.fineTuning().jobs().create(onMistral(file,
                    Map.of("group", i % 2 == 0 ? "even" : "odd")).build()).id());
        }
        for (String id : created) {
            awaitStatus(client, id, FineTuningJob.Status.SUCCEEDED);
        }

        List<FineTuningJob> listed = new ArrayList<>();
        client.fineTuning().jobs().list(JobListParams.builder().limit(2).build()).autoPager().forEach(listed::add);
        assertThat(listed).extracting(FineTuningJob::id).containsExactlyElementsOf(created.reversed());
        assertThat(listed).allSatisfy(j -> {
            assertThat(j.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);
            assertThat(j.fineTunedModel()).contains(MISTRAL.fineTunedModel());
        });

        List<String> odd = new ArrayList<>();
        client.fineTuning().jobs().list(JobListParams.builder().limit(1)
                        .metadata(JobListParams.Metadata.builder().putAdditionalProperty("group", "odd").build()).build())
                .autoPager().forEach(j -> odd.add(j.id()));
        assertThat(odd).containsExactly(created.get(3), created.get(1));
    }

    @Test
    void mistralsEventsAndCheckpointLossesAreListedAsOpenAiEventsPageByPage() {
        OpenAIClient client = client();
        String id = client.fineTuning().jobs().create(onMistral(upload(client), Map.of()).build()).id();
        awaitStatus(client, id, FineTuningJob.Status.SUCCEEDED);

        List<FineTuningJobEvent> events = new ArrayList<>();
        client.fineTuning().jobs().listEvents(JobListEventsParams.builder().fineTuningJobId(id).limit(2).build())
                .autoPager().forEach(events::add);
        assertThat(events).extracting(FineTuningJobEvent::id).doesNotHaveDuplicates();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).createdAt()).isLessThanOrEqualTo(events.get(i - 1).createdAt());
        }
        // Mistral's own status events, as the adapter words them, recorded when Tunegate read them (that keeps
        // the job's events in one order) with Mistral's time in their data
        List<String> messages = events.stream().map(FineTuningJobEvent::message).toList();
        assertThat(messages).containsSubsequence("status-updated: SUCCESS", "status-updated: RUNNING",
                "status-updated: QUEUED");
        assertThat(events).filteredOn(e -> e.message().equals("status-updated: SUCCESS")).singleElement()
                .satisfies(e -> assertThat(e._data().convert(Map.class)).containsEntry("provider_created_at",
                        Instant.ofEpochSecond(1763703000L).toString()));

        // Mistral's two checkpoints as metrics events, newest step first, with the stub's losses
        List<FineTuningJobEvent> metrics = events.stream()
                .filter(e -> e.type().map(t -> t.equals(FineTuningJobEvent.Type.METRICS)).orElse(false)).toList();
        assertThat(metrics).hasSize(2);
        assertThat(metrics.get(0).message()).isEqualTo("Step 100: training loss=0.8161, validation loss=0.8197");
        assertThat(metrics.get(1).message()).isEqualTo("Step 10: training loss=0.8036, validation loss=0.9143");
        Map<?, ?> last = metrics.get(0)._data().convert(Map.class);
        assertThat(((Number) last.get("step")).intValue()).isEqualTo(100);
        assertThat(((Number) last.get("train_loss")).doubleValue()).isEqualTo(0.816135);
        assertThat(((Number) last.get("valid_loss")).doubleValue()).isEqualTo(0.819697);

        // paging by hand with after: each page starts right after the previous one's last event
        JobListEventsPage first = client.fineTuning().jobs().listEvents(JobListEventsParams.builder()
                .fineTuningJobId(id).limit(3).build());
        assertThat(first.data()).extracting(FineTuningJobEvent::id)
                .containsExactlyElementsOf(events.subList(0, 3).stream().map(FineTuningJobEvent::id).toList());
        assertThat(first.hasMore()).contains(true);
        JobListEventsPage second = client.fineTuning().jobs().listEvents(JobListEventsParams.builder()
                .fineTuningJobId(id).after(first.data().getLast().id()).limit(3).build());
        assertThat(second.data()).extracting(FineTuningJobEvent::id).containsExactlyElementsOf(
                events.subList(3, Math.min(6, events.size())).stream().map(FineTuningJobEvent::id).toList());
    }

    @Test
    void aRunningMistralJobCancelledThroughTheSdkIsCancelledAtMistral() {
        OpenAIClient client = client();
        String id = client.fineTuning().jobs().create(onMistral(upload(client), Map.of())
                .hyperparameters(epochs(RUNS_UNTIL_CANCELLED)).build()).id();
        awaitStatus(client, id, FineTuningJob.Status.RUNNING);
        mistral.verify(exactly(0), postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs/" + CANCELLED_JOB + "/cancel")));

        FineTuningJob cancelling = client.fineTuning().jobs().cancel(id);
        assertThat(cancelling.status()).isIn(FineTuningJob.Status.RUNNING, FineTuningJob.Status.CANCELLED);
        assertThat(awaitStatus(client, id, FineTuningJob.Status.CANCELLED).fineTunedModel()).isEmpty();
        MISTRAL.verifyCancel(mistral, CANCELLED_JOB);
        mistral.verify(exactly(1), postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs/" + CANCELLED_JOB + "/cancel")));

        assertThatThrownBy(() -> client.fineTuning().jobs().cancel(id))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.code()).contains("conflict");
                });
    }

    @Test
    void errorsOnMistralArriveAsTheSdksExceptionsAndAsTheJobsError() {
        OpenAIClient client = client();
        String file = upload(client);

        // a model Mistral does not train, with Mistral named: refused before anything reaches Mistral
        int creates = mistral.findAll(postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs"))).size();
        assertThatThrownBy(() -> client.fineTuning().jobs().create(onMistral(file, Map.of())
                .model("gpt-4o-mini").build()))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(422);
                    assertThat(e.code()).contains("no_provider");
                    assertThat(e.type()).contains("invalid_request_error");
                    assertThat(e.getMessage()).contains("mistral does not offer gpt-4o-mini")
                            .contains("Providers that can train gpt-4o-mini now: sandbox");
                });
        assertThat(mistral.findAll(postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs")))).hasSize(creates);

        // Mistral refuses the job (422 with its validation body): the job fails with Mistral's reason
        String refused = client.fineTuning().jobs().create(onMistral(file, Map.of())
                .hyperparameters(epochs(REFUSED)).build()).id();
        FineTuningJob failed = awaitStatus(client, refused, FineTuningJob.Status.FAILED);
        assertThat(failed.error()).hasValueSatisfying(error -> {
            assertThat(error.code()).isEqualTo("http_422");
            assertThat(error.message()).contains(REFUSAL);
            assertThat(error.param()).isEmpty();
        });
        assertThat(failed.fineTunedModel()).isEmpty();
        mistral.verify(postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs"))
                .withRequestBody(matchingJsonPath("$.hyperparameters.epochs", equalTo(String.valueOf(REFUSED)))));
    }

    @Test
    void pausingAMistralJobIsTheSdksExceptionForOperationNotSupported() {
        OpenAIClient client = client();
        String id = client.fineTuning().jobs().create(onMistral(upload(client), Map.of())
                .hyperparameters(epochs(PAUSE_ASKED)).build()).id();
        awaitStatus(client, id, FineTuningJob.Status.RUNNING);

        assertThatThrownBy(() -> client.fineTuning().jobs().pause(id))
                .isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(422);
                    assertThat(e.code()).contains("operation_not_supported");
                });
        // the job runs on, untouched at Mistral, and can still be cancelled
        assertThat(client.fineTuning().jobs().retrieve(id).status()).isEqualTo(FineTuningJob.Status.RUNNING);
        mistral.verify(exactly(0), postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs/" + PAUSED_JOB + "/cancel")));
        client.fineTuning().jobs().cancel(id);
        awaitStatus(client, id, FineTuningJob.Status.CANCELLED);
        MISTRAL.verifyCancel(mistral, PAUSED_JOB);
    }

    /** A client with a key of a new project, so that each test lists only its own jobs. */
    private static OpenAIClient client() {
        Projects projects = gateway.bean(Projects.class);
        String key = projects.issueKey(projects.create("sdk-" + UUID.randomUUID()), "sdk").key();
        return OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + gateway.port() + "/openai/v1")
                .apiKey(key).maxRetries(0).build();
    }

    private static String upload(OpenAIClient client) {
        return client.files().create(FileCreateParams.builder()
                .file(TranslatingExports.CHAT.getBytes(StandardCharsets.UTF_8)).purpose(FilePurpose.FINE_TUNE)
                .build()).id();
    }

    /** A job on Mistral's model with Mistral named in its metadata. */
    private static JobCreateParams.Builder onMistral(String file, Map<String, String> metadata) {
        JobCreateParams.Metadata.Builder meta = JobCreateParams.Metadata.builder()
                .putAdditionalProperty("tunegate_provider", JsonValue.from("mistral"));
        metadata.forEach((k, v) -> meta.putAdditionalProperty(k, JsonValue.from(v)));
        return JobCreateParams.builder().model(MISTRAL.providerModel()).trainingFile(file).metadata(meta.build());
    }

    private static JobCreateParams.Hyperparameters epochs(long n) {
        return JobCreateParams.Hyperparameters.builder().nEpochs(n).build();
    }

    /** The stub's creation answer for a job asked with {@code epochs}, ahead of the default answer. */
    private static MappingBuilder createWithEpochs(long epochs) {
        return MISTRAL.create().atPriority(1)
                .withRequestBody(matchingJsonPath("$.hyperparameters.epochs", equalTo(String.valueOf(epochs))));
    }

    private static FineTuningJob awaitStatus(OpenAIClient client, String id, FineTuningJob.Status status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                client.fineTuning().jobs().retrieve(id).status().equals(status));
        return client.fineTuning().jobs().retrieve(id);
    }
}
