package io.tunegate.openaiapi;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.HttpResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.UnauthorizedException;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileDeleted;
import com.openai.models.files.FileListParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.FineTuningJobEvent;
import com.openai.models.finetuning.jobs.JobCreateParams;
import com.openai.models.finetuning.jobs.JobListEventsParams;
import com.openai.models.finetuning.jobs.JobListParams;
import com.openai.models.finetuning.jobs.checkpoints.CheckpointListParams;
import com.openai.models.finetuning.jobs.checkpoints.FineTuningJobCheckpoint;
import com.openai.models.finetuning.methods.DpoMethod;
import com.openai.models.finetuning.methods.SupervisedHyperparameters;
import com.openai.models.finetuning.methods.SupervisedMethod;
import io.tunegate.security.IssuedKey;
import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The official OpenAI Java SDK, pointed at {@code /openai/v1}, uploads, trains on the sandbox, follows, lists,
 * pages, cancels and meets errors exactly as it would against OpenAI.
 */
class OpenAiSdkTest extends GatewayIntegrationTest {

    private OpenAIClient client;
    private TestApi raw;
    private String key;

    @BeforeEach
    void sdkClientForANewProject() {
        IssuedKey issued = projects.issueKey(projects.create("openai-" + UUID.randomUUID()), "sdk");
        key = issued.key();
        client = client(key);
        raw = TestApi.withKey(port, key);
    }

    private OpenAIClient client(String apiKey) {
        return OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + port + "/openai/v1").apiKey(apiKey)
                .maxRetries(0).timeout(Duration.ofSeconds(20)).build();
    }

    private FileObject upload(String filename, String jsonl) throws IOException {
        Path dir = Files.createTempDirectory("openai-sdk");
        Path file = dir.resolve(filename);
        Files.writeString(file, jsonl);
        return client.files().create(FileCreateParams.builder().file(file).purpose(FilePurpose.FINE_TUNE).build());
    }

    private JobCreateParams.Builder job(String fileId, Map<String, String> metadata) {
        var meta = JobCreateParams.Metadata.builder();
        metadata.forEach((k, v) -> meta.putAdditionalProperty(k, JsonValue.from(v)));
        return JobCreateParams.builder().model("gpt-4o-mini").trainingFile(fileId).metadata(meta.build());
    }

    private FineTuningJob awaitEnd(String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            FineTuningJob.Status status = client.fineTuning().jobs().retrieve(id).status();
            return status.equals(FineTuningJob.Status.SUCCEEDED) || status.equals(FineTuningJob.Status.FAILED)
                    || status.equals(FineTuningJob.Status.CANCELLED);
        });
        return client.fineTuning().jobs().retrieve(id);
    }

    @Test
    void filesAreUploadedReadListedDownloadedAndDeleted() throws IOException {
        FileObject file = upload("train.jsonl", TestApi.SAMPLE_DATASET);
        assertThat(file.id()).startsWith("ds-");
        assertThat(file.filename()).isEqualTo("train.jsonl");
        assertThat(file.purpose()).isEqualTo(FileObject.Purpose.FINE_TUNE);
        assertThat(file.bytes()).isEqualTo(TestApi.SAMPLE_DATASET.getBytes(StandardCharsets.UTF_8).length);
        assertThat(file.status()).isEqualTo(FileObject.Status.PROCESSED);
        // the same resource as /v1/datasets
        assertThat(raw.get("/v1/datasets/" + file.id()).json().get("examples").asLong()).isEqualTo(3);

        assertThat(client.files().retrieve(file.id()).filename()).isEqualTo("train.jsonl");
        FileObject second = upload("valid.jsonl", TestApi.SAMPLE_DATASET);
        List<String> listed = new ArrayList<>();
        client.files().list(FileListParams.builder().limit(1).build()).autoPager().forEach(f -> listed.add(f.id()));
        assertThat(listed).containsExactly(second.id(), file.id());

        try (HttpResponse content = client.files().content(file.id())) {
            assertThat(new String(content.body().readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(TestApi.SAMPLE_DATASET);
        }

        FileDeleted deleted = client.files().delete(file.id());
        assertThat(deleted.deleted()).isTrue();
        assertThat(deleted.id()).isEqualTo(file.id());
        assertThatThrownBy(() -> client.files().retrieve(file.id())).isInstanceOf(NotFoundException.class);
        assertThat(raw.get("/v1/datasets/" + file.id()).status()).isEqualTo(404);
    }

    @Test
    void aJobTrainsOnTheSandboxAndShowsItsEventsMetricsAndCheckpoint() throws IOException {
        FileObject file = upload("train.jsonl", TestApi.SAMPLE_DATASET);
        FineTuningJob created = client.fineTuning().jobs().create(job(file.id(),
                Map.of("team", "support", "tunegate_provider", "sandbox"))
                .suffix("support-bot")
                .method(JobCreateParams.Method.builder().type(JobCreateParams.Method.Type.SUPERVISED)
                        .supervised(SupervisedMethod.builder().hyperparameters(SupervisedHyperparameters.builder()
                                .nEpochs(2L).build()).build()).build())
                .build());
        assertThat(created.trainingFile()).isEqualTo(file.id());
        assertThat(created.model()).isEqualTo("gpt-4o-mini");
        assertThat(created.status()).isIn(FineTuningJob.Status.VALIDATING_FILES, FineTuningJob.Status.QUEUED);
        assertThat(created.fineTunedModel()).isEmpty();
        assertThat(created.hyperparameters().nEpochs().flatMap(n -> n.integer())).contains(2L);
        assertThat(created.hyperparameters().batchSize().flatMap(b -> b.auto())).isPresent();

        // the same job on /v1: routed where the metadata said, named after the suffix, the key not kept
        JsonNode v1 = raw.get("/v1/jobs/" + created.id()).json();
        assertThat(v1.get("provider").asString()).isEqualTo("sandbox");
        assertThat(v1.get("job_name").asString()).isEqualTo("support-bot");
        assertThat(v1.get("metadata").properties()).hasSize(1);

        FineTuningJob done = awaitEnd(created.id());
        assertThat(done.status()).isEqualTo(FineTuningJob.Status.SUCCEEDED);
        assertThat(done.fineTunedModel()).hasValueSatisfying(m -> assertThat(m).startsWith("sandbox:"));
        assertThat(done.trainedTokens()).hasValueSatisfying(t -> assertThat(t).isPositive());
        assertThat(done.finishedAt()).hasValueSatisfying(t -> assertThat(t).isGreaterThanOrEqualTo(done.createdAt()));
        assertThat(done.error()).isEmpty();
        assertThat(done.metadata().orElseThrow()._additionalProperties()).containsOnlyKeys("team");
        assertThat(done.seed()).isEqualTo(created.seed());

        List<FineTuningJobEvent> events = new ArrayList<>();
        client.fineTuning().jobs().listEvents(JobListEventsParams.builder().fineTuningJobId(done.id()).limit(3).build())
                .autoPager().forEach(events::add);
        assertThat(events).extracting(FineTuningJobEvent::id).doesNotHaveDuplicates();
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).createdAt()).isLessThanOrEqualTo(events.get(i - 1).createdAt());
        }
        List<FineTuningJobEvent> metrics = events.stream()
                .filter(e -> e.type().map(t -> t.equals(FineTuningJobEvent.Type.METRICS)).orElse(false)).toList();
        assertThat(metrics).hasSize(4);
        assertThat(metrics.getFirst()._data().toString()).contains("train_loss").contains("step");
        assertThat(metrics.getFirst().message()).startsWith("Step 4: training loss=");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.type()).contains(FineTuningJobEvent.Type.MESSAGE);
            assertThat(e.level()).isEqualTo(FineTuningJobEvent.Level.INFO);
        });

        List<FineTuningJobCheckpoint> checkpoints = client.fineTuning().jobs().checkpoints()
                .list(CheckpointListParams.builder().fineTuningJobId(done.id()).build()).data();
        assertThat(checkpoints).singleElement().satisfies(c -> {
            assertThat(c.fineTunedModelCheckpoint()).isEqualTo(done.fineTunedModel().orElseThrow());
            assertThat(c.fineTuningJobId()).isEqualTo(done.id());
            assertThat(c.stepNumber()).isEqualTo(4);
            assertThat(c.metrics().step()).contains(4.0);
            assertThat(c.metrics().trainLoss()).isPresent();
        });
    }

    @Test
    void jobsAreListedNewestFirstThroughEveryPageAndFilteredByMetadata() throws IOException {
        String file = upload("train.jsonl", TestApi.SAMPLE_DATASET).id();
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(client.fineTuning().jobs().create(job(file,
                    Map.of("group", i % 2 == 0 ? "even" : "odd", "tunegate_provider", "sandbox")).build()).id());
        }
        List<String> listed = new ArrayList<>();
        client.fineTuning().jobs().list(JobListParams.builder().limit(2).build()).autoPager()
                .forEach(j -> listed.add(j.id()));
        assertThat(listed).containsExactlyElementsOf(created.reversed());

        List<String> odd = new ArrayList<>();
        client.fineTuning().jobs().list(JobListParams.builder()
                        .metadata(JobListParams.Metadata.builder().putAdditionalProperty("group", "odd").build()).build())
                .autoPager().forEach(j -> odd.add(j.id()));
        assertThat(odd).containsExactly(created.get(3), created.get(1));
    }

    @Test
    void aCancelledJobEndsCancelledAndCannotBeCancelledTwice() throws IOException {
        String file = upload("train.jsonl", TestApi.SAMPLE_DATASET).id();
        FineTuningJob job = client.fineTuning().jobs().create(job(file, Map.of()).build());
        FineTuningJob cancelling = client.fineTuning().jobs().cancel(job.id());
        // cancelling is not an ending: it shows as the state it interrupted, or cancelled if nothing was sent yet
        assertThat(cancelling.status()).isIn(FineTuningJob.Status.QUEUED, FineTuningJob.Status.RUNNING,
                FineTuningJob.Status.VALIDATING_FILES, FineTuningJob.Status.CANCELLED);
        assertThat(awaitEnd(job.id()).status()).isEqualTo(FineTuningJob.Status.CANCELLED);
        assertThatThrownBy(() -> client.fineTuning().jobs().cancel(job.id()))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.code()).contains("conflict");
                });
        // a file a job is done with can be deleted
        assertThat(client.files().delete(file).deleted()).isTrue();
    }

    @Test
    void aRunningJobIsPausedAndResumedThroughTheSdk() {
        // created on /v1 to give the sandbox job time to be paused; the same id serves both surfaces
        String id = raw.submit(io.tunegate.support.Jobs.request("pausable", "{\"duration_seconds\": 60, \"steps\": 5}"));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() ->
                client.fineTuning().jobs().retrieve(id).status().equals(FineTuningJob.Status.RUNNING));

        FineTuningJob paused = client.fineTuning().jobs().pause(id);
        assertThat(paused.status().asString()).isEqualTo("paused");
        assertThat(client.fineTuning().jobs().retrieve(id).status().asString()).isEqualTo("paused");
        assertThat(raw.get("/v1/jobs/" + id).json().get("status").asString()).isEqualTo("paused");
        assertThatThrownBy(() -> client.fineTuning().jobs().pause(id))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.code()).contains("conflict");
                });

        FineTuningJob resumed = client.fineTuning().jobs().resume(id);
        assertThat(resumed.status()).isEqualTo(FineTuningJob.Status.RUNNING);
        assertThatThrownBy(() -> client.fineTuning().jobs().resume(id))
                .isInstanceOfSatisfying(OpenAIServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.code()).contains("conflict");
                });
        assertThatThrownBy(() -> client.fineTuning().jobs().pause(UUID.randomUUID().toString()))
                .isInstanceOf(NotFoundException.class);
        client.fineTuning().jobs().cancel(id);
        assertThat(awaitEnd(id).status()).isEqualTo(FineTuningJob.Status.CANCELLED);
    }

    @Test
    void errorsArriveAsTheSdksExceptionsWithCodeAndParam() throws IOException {
        String file = upload("train.jsonl", TestApi.SAMPLE_DATASET).id();
        assertThatThrownBy(() -> client.fineTuning().jobs().retrieve(UUID.randomUUID().toString()))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.fineTuning().jobs().retrieve("ftjob-abc123"))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.files().retrieve("file-abc123")).isInstanceOf(NotFoundException.class);

        assertThatThrownBy(() -> client.fineTuning().jobs().create(job(file, Map.of())
                .method(JobCreateParams.Method.builder().type(JobCreateParams.Method.Type.DPO)
                        .dpo(DpoMethod.builder().build()).build()).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.param()).contains("method.type");
                    assertThat(e.code()).contains("unsupported_value");
                    assertThat(e.getMessage()).contains("DPO");
                });
        assertThatThrownBy(() -> client.fineTuning().jobs().create(
                job("ds-" + UUID.randomUUID(), Map.of()).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e ->
                        assertThat(e.param()).contains("training_file"));
        assertThatThrownBy(() -> client.fineTuning().jobs().create(job("file-abc123", Map.of()).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.param()).contains("training_file");
                    assertThat(e.code()).contains("invalid_training_file");
                });
        assertThatThrownBy(() -> client.fineTuning().jobs().create(job(file, Map.of("tunegate_provider", "nope"))
                .build()))
                .isInstanceOfSatisfying(BadRequestException.class, e ->
                        assertThat(e.param()).contains("metadata.tunegate_provider"));
        assertThatThrownBy(() -> client.fineTuning().jobs().create(job(file, Map.of())
                .hyperparameters(JobCreateParams.Hyperparameters.builder().nEpochs(0L).build()).build()))
                .isInstanceOfSatisfying(BadRequestException.class, e ->
                        assertThat(e.param()).contains("hyperparameters.n_epochs"));

        assertThatThrownBy(() -> client("not-a-key-of-this-gateway-at-all").fineTuning().jobs().list())
                .isInstanceOfSatisfying(UnauthorizedException.class, e ->
                        assertThat(e.code()).contains("invalid_api_key"));
    }

    @Test
    void anotherProjectsJobsAndFilesAreNotFound() throws IOException {
        String file = upload("train.jsonl", TestApi.SAMPLE_DATASET).id();
        String job = client.fineTuning().jobs().create(job(file, Map.of()).build()).id();
        OpenAIClient other = client(projects.issueKey(projects.create("other-" + UUID.randomUUID()), "k").key());
        assertThatThrownBy(() -> other.fineTuning().jobs().retrieve(job)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.fineTuning().jobs().cancel(job)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.files().retrieve(file)).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> other.files().delete(file)).isInstanceOf(NotFoundException.class);
        assertThat(other.fineTuning().jobs().list().data()).isEmpty();
        assertThatThrownBy(() -> other.fineTuning().jobs().create(job(file, Map.of()).build()))
                .isInstanceOf(BadRequestException.class);
    }
}
