package io.tunegate.endtoend;

import io.tunegate.client.AuthenticationException;
import io.tunegate.client.BudgetExceededException;
import io.tunegate.client.ConflictException;
import io.tunegate.client.FineTuningClient;
import io.tunegate.client.IdempotencyKeyReusedException;
import io.tunegate.client.InvalidRequestException;
import io.tunegate.client.JobEventStream;
import io.tunegate.client.JobListQuery;
import io.tunegate.client.NotFoundException;
import io.tunegate.client.Problem;
import io.tunegate.client.UploadOptions;
import io.tunegate.client.model.Catalog;
import io.tunegate.client.model.Dataset;
import io.tunegate.client.model.Estimate;
import io.tunegate.client.model.Job;
import io.tunegate.client.model.JobEvent;
import io.tunegate.client.model.JobRequest;
import io.tunegate.client.model.JobStatus;
import io.tunegate.client.model.MetricPoint;
import io.tunegate.client.model.Model;
import io.tunegate.client.model.ModelVersion;
import io.tunegate.client.model.Page;
import io.tunegate.security.Projects;
import io.tunegate.support.GatewayTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** The Java client driving the real gateway (sandbox provider), each test as a project of its own. */
@GatewayTest
@Timeout(120)
class FineTuningClientTest {

    private static final String MODEL = "meta-llama/Llama-3.1-8B-Instruct";

    @LocalServerPort
    int port;
    @Autowired
    Projects projects;

    private String key;
    private FineTuningClient client;

    @BeforeEach
    void actAsANewProject() {
        key = projects.issueKey(projects.create("client-" + UUID.randomUUID()), "java-client").key();
        client = FineTuningClient.builder().baseUrl("http://localhost:" + port).apiKey(key)
                .requestTimeout(Duration.ofSeconds(20)).build();
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    /** A chat dataset of {@code examples} lines in a file. */
    private static Path dataset(Path dir, int examples) throws IOException {
        StringBuilder jsonl = new StringBuilder();
        for (int i = 0; i < examples; i++) {
            jsonl.append("{\"messages\": [{\"role\": \"user\", \"content\": \"What is ").append(i)
                    .append(" plus ").append(i).append("?\"}, {\"role\": \"assistant\", \"content\": \"")
                    .append(2 * i).append(", since adding a number to itself doubles it.\"}]}\n");
        }
        Path file = dir.resolve("train.jsonl");
        Files.writeString(file, jsonl);
        return file;
    }

    private Dataset upload(Path dir) throws IOException {
        return client.uploadDataset(dataset(dir, 40), UploadOptions.defaults().baseModel(MODEL));
    }

    /** A short sandbox job on the dataset. */
    private JobRequest.Builder job(String name, String datasetId) {
        return JobRequest.builder().jobName(name).baseModel(MODEL).trainingData(datasetId).provider("sandbox")
                .providerOption("sandbox", "duration_seconds", 2).providerOption("sandbox", "steps", 4);
    }

    @Test
    void uploadsEstimatesSubmitsAndFollowsAJobToItsRegisteredModel(@TempDir Path dir) throws IOException {
        Path file = dataset(dir, 40);
        AtomicLong lastProgress = new AtomicLong();
        List<Long> totals = new ArrayList<>();
        Dataset dataset = client.uploadDataset(file, UploadOptions.defaults().baseModel(MODEL)
                .onProgress((sent, total) -> {
                    lastProgress.set(sent);
                    totals.add(total);
                }));

        assertThat(dataset.id()).startsWith("ds-");
        assertThat(dataset.isValid()).isTrue();
        assertThat(dataset.filename()).isEqualTo("train.jsonl");
        assertThat(dataset.examples()).isEqualTo(40);
        assertThat(dataset.bytes()).isEqualTo(Files.size(file));
        assertThat(lastProgress.get()).isEqualTo(Files.size(file));
        assertThat(totals).containsOnly(Files.size(file));
        assertThat(dataset.report().format()).isEqualTo("chat");
        assertThat(dataset.report().tokens().total()).isPositive();
        assertThat(client.getDataset(dataset.id()).sha256()).isEqualTo(dataset.sha256());
        assertThat(client.listDatasets(null, null).data()).extracting(Dataset::id).containsExactly(dataset.id());

        JobRequest request = job("support-bot", dataset.id()).validationData(dataset.id()).epochs(2).batchSize(4)
                .learningRateMultiplier(1.5).budgetLimit(new BigDecimal("25.00"))
                .webhookUrl("https://example.com/hooks/tunegate").metadata("team", "support").build();

        Estimate estimate = client.estimate(request);
        assertThat(estimate.examples()).isEqualTo(40);
        Estimate.ProviderQuote sandbox = estimate.forProvider("sandbox").orElseThrow();
        assertThat(sandbox.available()).isTrue();
        assertThat(sandbox.epochs()).isEqualTo(2);
        assertThat(sandbox.totalUsd()).isPositive();
        assertThat(estimate.auto().provider()).isEqualTo("sandbox");

        Job submitted = client.submitTrainingJob(request);
        assertThat(submitted.jobName()).isEqualTo("support-bot");
        assertThat(submitted.provider()).isEqualTo("sandbox");
        assertThat(submitted.trainingData()).isEqualTo(dataset.id());
        assertThat(submitted.validationData()).isEqualTo(dataset.id());
        assertThat(submitted.hyperparameters().nEpochs()).isEqualTo(2);
        assertThat(submitted.hyperparameters().batchSize()).isEqualTo(4);
        assertThat(submitted.hyperparameters().learningRateMultiplier()).isEqualTo(1.5);
        assertThat(submitted.budgetLimit()).isEqualByComparingTo("25.00");
        assertThat(submitted.webhookUrl()).isEqualTo("https://example.com/hooks/tunegate");
        assertThat(submitted.metadata()).containsEntry("team", "support");
        assertThat(submitted.estimatedCostUsd()).isEqualByComparingTo(sandbox.totalUsd());
        assertThat(submitted.isTerminal()).isFalse();

        List<JobEvent> streamed;
        try (JobEventStream events = client.streamJobEvents(submitted.id())) {
            streamed = events.stream().toList();
            assertThat(events.isFinished()).isTrue();
        }
        assertThat(streamed).extracting(JobEvent::seq)
                .isEqualTo(IntStream.rangeClosed(1, streamed.size()).boxed().toList());
        assertThat(streamed.getFirst().type()).isEqualTo(JobEvent.CREATED);
        assertThat(streamed).extracting(JobEvent::status).contains(JobStatus.RUNNING);
        assertThat(streamed.getLast().isTerminal()).isTrue();
        assertThat(streamed.getLast().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(client.getJobEvents(submitted.id())).isEqualTo(streamed);

        Job done = client.getJob(submitted.id());
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.fineTunedModel()).isNotBlank();
        assertThat(done.finishedAt()).isAfterOrEqualTo(done.createdAt());
        assertThat(done.trainedTokens()).isPositive();

        List<MetricPoint> curve = client.getJobMetrics(submitted.id());
        assertThat(curve).extracting(MetricPoint::step).containsExactly(1, 2, 3, 4);
        assertThat(curve).allSatisfy(point -> assertThat(point.trainLoss()).isPositive());
        assertThat(client.getJobEstimate(submitted.id()).forProvider("sandbox")).isPresent();

        await().atMost(Duration.ofSeconds(10)).until(() -> client.listModels(null, null).data().size() == 1);
        Model model = client.getModel("support-bot");
        assertThat(model.versionCount()).isEqualTo(1);
        List<ModelVersion> versions = client.listModelVersions("support-bot");
        assertThat(versions).singleElement().satisfies(version -> {
            assertThat(version.jobId()).isEqualTo(submitted.id());
            assertThat(version.providerModelId()).isEqualTo(done.fineTunedModel());
            assertThat(version.trainingData()).isEqualTo(dataset.id());
        });
        assertThat(client.allModels().map(Model::name).toList()).containsExactly("support-bot");

        Catalog catalog = client.getCatalog();
        assertThat(catalog.models()).isNotEmpty();
        assertThat(catalog.models()).flatExtracting(Catalog.CatalogModel::offers)
                .extracting(Catalog.Offer::provider).contains("openai");
    }

    @Test
    void listsJobsByPageWithFiltersAndFollowsCursors(@TempDir Path dir) throws IOException {
        String data = upload(dir).id();
        List<String> pagers = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            pagers.add(client.submitTrainingJob(job("pager", data)
                    .providerOption("sandbox", "duration_seconds", 60).build()).id());
        }
        String other = client.submitTrainingJob(job("other", data)
                .providerOption("sandbox", "duration_seconds", 60).build()).id();
        Job cancelled = client.cancelJob(pagers.get(1));
        await().atMost(Duration.ofSeconds(20)).until(() -> client.getJob(cancelled.id()).status() == JobStatus.CANCELLED);

        JobListQuery byName = JobListQuery.all().jobName("pager").limit(2);
        Page<Job> first = client.listJobs(byName);
        assertThat(first.data()).hasSize(2);
        assertThat(first.hasMore()).isTrue();
        Page<Job> second = client.listJobs(byName.cursor(first.nextCursor()));
        assertThat(second.data()).hasSize(1);
        assertThat(second.hasMore()).isFalse();
        assertThat(second.nextCursor()).isNull();
        List<String> newestFirst = pagers.reversed();
        assertThat(List.of(first.data().get(0).id(), first.data().get(1).id(), second.data().get(0).id()))
                .isEqualTo(newestFirst);
        assertThat(client.allJobs(byName).map(Job::id).toList()).isEqualTo(newestFirst);

        assertThat(client.allJobs(JobListQuery.all().limit(1)).map(Job::id).toList())
                .containsExactly(other, pagers.get(2), pagers.get(1), pagers.get(0));
        assertThat(client.allJobs(JobListQuery.all().status(JobStatus.CANCELLED)).map(Job::id).toList())
                .containsExactly(pagers.get(1));
        assertThat(client.allJobs(JobListQuery.all().status(JobStatus.CANCELLED).jobName("other")).toList()).isEmpty();
        assertThat(client.allJobs(JobListQuery.all().provider("sandbox")).count()).isEqualTo(4);
        assertThat(client.listJobs().data()).hasSize(4);

        for (String id : List.of(pagers.get(0), pagers.get(2), other)) {
            client.cancelJob(id);
        }
    }

    @Test
    void resumesAStreamFromALastEventId(@TempDir Path dir) throws IOException {
        Job job = client.submitTrainingJob(job("resumed", upload(dir).id()).build());
        await().atMost(Duration.ofSeconds(30)).until(() -> client.getJob(job.id()).isTerminal());
        List<JobEvent> history = client.getJobEvents(job.id());

        try (JobEventStream events = client.streamJobEvents(job.id(), "2")) {
            assertThat(events.stream().toList()).isEqualTo(history.subList(2, history.size()));
        }
        String last = Integer.toString(history.getLast().seq());
        try (JobEventStream events = client.streamJobEvents(job.id(), last)) {
            assertThat(events.hasNext()).isFalse();
        }
        assertThatThrownBy(() -> client.streamJobEvents(job.id(), Integer.toString(history.size() + 5)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).problem().errors())
                        .extracting(Problem.FieldError::field).containsExactly("Last-Event-ID"));
    }

    @Test
    void reconnectsWithLastEventIdWhenTheConnectionIsCut(@TempDir Path dir) throws IOException {
        Job job = client.submitTrainingJob(job("cut", upload(dir).id())
                .providerOption("sandbox", "duration_seconds", 3).build());

        List<JobEvent> streamed;
        // the first connection is cut after 700 bytes: the answer's head and an event or two, likely mid-event
        try (DroppingProxy proxy = new DroppingProxy(port, 700);
             FineTuningClient viaProxy = FineTuningClient.builder().baseUrl(proxy.url()).apiKey(key)
                     .streamReconnectDelay(Duration.ofMillis(100)).build();
             JobEventStream events = viaProxy.streamJobEvents(job.id())) {
            streamed = events.stream().toList();
            assertThat(proxy.requestHeads).hasSizeGreaterThanOrEqualTo(2);
            assertThat(proxy.requestHeads.getFirst()).doesNotContainIgnoringCase("Last-Event-ID");
            int seenBeforeCut = lastEventIdOf(proxy.requestHeads.get(1));
            assertThat(seenBeforeCut).isBetween(1, streamed.size() - 1);
        }

        // nothing lost, nothing twice: exactly the job's stored history, ending with its terminal event
        assertThat(streamed).isEqualTo(client.getJobEvents(job.id()));
        assertThat(streamed.getLast().status()).isEqualTo(JobStatus.SUCCEEDED);
    }

    private static int lastEventIdOf(String requestHead) {
        for (String line : requestHead.split("\r\n")) {
            if (line.toLowerCase().startsWith("last-event-id:")) {
                return Integer.parseInt(line.substring("last-event-id:".length()).trim());
            }
        }
        throw new AssertionError("no Last-Event-ID in " + requestHead.lines().findFirst().orElse(""));
    }

    @Test
    void cancelsAJobAndRefusesToCancelItAgain(@TempDir Path dir) throws IOException {
        Job job = client.submitTrainingJob(job("cancelled", upload(dir).id())
                .providerOption("sandbox", "duration_seconds", 60).build());
        await().atMost(Duration.ofSeconds(20)).until(() -> client.getJob(job.id()).status() == JobStatus.RUNNING);

        Job cancelling = client.cancelJob(job.id());
        assertThat(cancelling.status()).isIn(JobStatus.CANCELLING, JobStatus.CANCELLED);
        try (JobEventStream events = client.streamJobEvents(job.id())) {
            assertThat(events.stream().reduce((a, b) -> b).orElseThrow().status()).isEqualTo(JobStatus.CANCELLED);
        }

        assertThatThrownBy(() -> client.cancelJob(job.id())).isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).status()).isEqualTo(409));
    }

    @Test
    void refusalsArriveAsTypedExceptionsWithTheirProblem(@TempDir Path dir) throws IOException {
        String data = upload(dir).id();

        assertThatThrownBy(() -> client.getJob(UUID.randomUUID().toString()))
                .isInstanceOf(NotFoundException.class)
                .satisfies(e -> assertThat(((NotFoundException) e).problem().slug()).isEqualTo("not-found"));
        assertThatThrownBy(() -> client.getDataset("ds-nope")).isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> client.getModel("never-trained")).isInstanceOf(NotFoundException.class);

        InvalidRequestException invalid = catchThrowableOfType(InvalidRequestException.class,
                () -> client.submitTrainingJob(JobRequest.builder().baseModel(MODEL).trainingData(data)
                        .epochs(0).buildUnchecked()));
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.problem().errors()).extracting(Problem.FieldError::field)
                .contains("job_name", "hyperparameters.n_epochs");
        assertThat(invalid.getMessage()).contains("job_name");

        BudgetExceededException budget = catchThrowableOfType(BudgetExceededException.class,
                () -> client.submitTrainingJob(job("too-dear", data).budgetLimit("0.000001").build()));
        assertThat(budget.status()).isEqualTo(402);
        assertThat(budget.budgetLimitUsd()).hasValueSatisfying(v -> assertThat(v).isEqualByComparingTo("0.000001"));
        assertThat(budget.estimatedCostUsd()).hasValueSatisfying(v -> assertThat(v).isGreaterThan(
                new BigDecimal("0.000001")));
        assertThat(client.listJobs().data()).isEmpty();

        try (FineTuningClient wrongKey = FineTuningClient.builder().baseUrl("http://localhost:" + port)
                .apiKey("tg_not-a-key").build()) {
            assertThatThrownBy(wrongKey::listJobs).isInstanceOf(AuthenticationException.class)
                    .satisfies(e -> assertThat(((AuthenticationException) e).status()).isEqualTo(401))
                    .message().doesNotContain("tg_not-a-key");
        }
    }

    @Test
    void anIdempotencyKeyAnswersTheFirstJobAgainAndRefusesAnotherBody(@TempDir Path dir) throws IOException {
        String data = upload(dir).id();
        String idempotencyKey = UUID.randomUUID().toString();
        JobRequest request = job("once", data).build();

        Job first = client.submitTrainingJob(request, idempotencyKey);
        Job again = client.submitTrainingJob(request, idempotencyKey);
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(client.listJobs().data()).hasSize(1);

        assertThatThrownBy(() -> client.submitTrainingJob(request.toBuilder().jobName("twice").build(),
                idempotencyKey)).isInstanceOf(IdempotencyKeyReusedException.class);

        // a job body as JSON text, as the command line sends a file
        Job raw = client.submitTrainingJobJson("""
                {"job_name": "raw", "base_model": "%s", "training_data": "%s", "provider": "sandbox"}"""
                .formatted(MODEL, data));
        assertThat(raw.jobName()).isEqualTo("raw");
    }
}
