package io.tunegate.provider.openai;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tunegate.dataset.DatasetExports;
import io.tunegate.dataset.ExportedDataset;
import io.tunegate.platform.web.ApiException;
import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.resilience.ProviderPolicy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.tunegate.provider.openai.OpenAiStubs.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What is OpenAI's own: the Uploads API, DPO, option and hyperparameter translation, reconciliation, events. */
class OpenAiAdapterTest {

    private static final UUID PROJECT = UUID.randomUUID();
    private final OpenAiStubs stubs = new OpenAiStubs();
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

    private OpenAiAdapter adapter(DatasetExports exports, long singleUploadLimit, long partSize) {
        return new OpenAiAdapter(settings(null, null), exports, ProviderPolicy.defaults(), Clock.systemUTC(),
                singleUploadLimit, partSize);
    }

    private OpenAiAdapter adapter() {
        return adapter(new TranslatingExports(), OpenAiAdapter.SINGLE_UPLOAD_LIMIT, OpenAiAdapter.PART_SIZE);
    }

    private OpenAiSettings settings(String organization, String project) {
        return new OpenAiSettings("http://127.0.0.1:" + wm.port() + "/v1", OpenAiStubs.API_KEY, organization, project,
                null, Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    private static StageRequest stageRequest() {
        return new StageRequest(UUID.randomUUID(), PROJECT, "ds-1", "gpt-4o-mini-2024-07-18", StageRequest.Role.TRAINING);
    }

    private static SubmitRequest submitRequest(String file, Hyperparameters hyperparameters, Map<String, Object> options) {
        return new SubmitRequest(UUID.randomUUID().toString(), "support-bot", "gpt-4o-mini", "gpt-4o-mini-2024-07-18",
                file, null, hyperparameters, options);
    }

    private void jobsAccepted() {
        wm.stubFor(post(urlPathEqualTo("/v1/fine_tuning/jobs")).willReturn(stubs.created("ftjob-abc123")));
    }

    private String createBody() {
        return wm.findAll(postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs"))).getFirst().getBodyAsString();
    }

    @Test
    void aFileOverTheSingleUploadLimitGoesUpInOrderedPartsThroughTheUploadsApi() throws Exception {
        byte[] content;
        try (ExportedDataset data = new TranslatingExports().export(PROJECT, "ds-1", "openai", "gpt-4o-mini")) {
            content = Files.readAllBytes(data.file());
        }
        int partSize = 300;
        int parts = (content.length + partSize - 1) / partSize;
        assertThat(parts).isGreaterThanOrEqualTo(3);
        wm.stubFor(post(urlPathEqualTo("/v1/uploads")).willReturn(json(200, """
                {"id": "upload_abc", "object": "upload", "bytes": %d, "created_at": 1719184911,
                 "filename": "x.jsonl", "purpose": "fine-tune", "status": "pending", "expires_at": 1719188511}"""
                .formatted(content.length))));
        for (int i = 1; i <= parts; i++) {
            wm.stubFor(post(urlPathEqualTo("/v1/uploads/upload_abc/parts")).inScenario("parts")
                    .whenScenarioStateIs(i == 1 ? STARTED : "part " + (i - 1)).willSetStateTo("part " + i)
                    .willReturn(json(200, """
                            {"id": "part_%d", "object": "upload.part", "created_at": 1719185911, "upload_id": "upload_abc"}"""
                            .formatted(i))));
        }
        wm.stubFor(post(urlPathEqualTo("/v1/uploads/upload_abc/complete")).willReturn(json(200, """
                {"id": "upload_abc", "object": "upload", "status": "completed", "bytes": %d, "filename": "x.jsonl",
                 "purpose": "fine-tune", "file": {"id": "file-xyz789", "object": "file", "bytes": %d,
                 "filename": "x.jsonl", "purpose": "fine-tune"}}""".formatted(content.length, content.length))));

        String fileId = adapter(new TranslatingExports(), 100, partSize).stage(stageRequest());

        assertThat(fileId).isEqualTo("file-xyz789");
        wm.verify(0, postRequestedFor(urlPathEqualTo("/v1/files")));
        wm.verify(postRequestedFor(urlPathEqualTo("/v1/uploads")).withRequestBody(equalToJson("""
                {"purpose": "fine-tune", "bytes": %d, "mime_type": "text/jsonl"}""".formatted(content.length), true, true))
                .withRequestBody(containing("\"filename\":\"tunegate-")));
        List<LoggedRequest> sent = wm.findAll(postRequestedFor(urlPathEqualTo("/v1/uploads/upload_abc/parts")));
        assertThat(sent).hasSize(parts);
        ByteArrayOutputStream joined = new ByteArrayOutputStream();
        for (LoggedRequest part : sent) {
            assertThat(part.getHeader("Authorization")).isEqualTo("Bearer " + OpenAiStubs.API_KEY);
            joined.write(dataPart(part));
        }
        assertThat(joined.toByteArray()).isEqualTo(content);
        StringBuilder ids = new StringBuilder();
        for (int i = 1; i <= parts; i++) {
            ids.append(i == 1 ? "" : ", ").append("\"part_").append(i).append('"');
        }
        wm.verify(postRequestedFor(urlPathEqualTo("/v1/uploads/upload_abc/complete"))
                .withRequestBody(equalToJson("{\"part_ids\": [" + ids + "]}")));
    }

    /** The bytes of the multipart field {@code data}. */
    private static byte[] dataPart(LoggedRequest request) {
        String body = new String(request.getBody(), StandardCharsets.ISO_8859_1);
        assertThat(body).contains("name=\"data\"");
        int start = body.indexOf("\r\n\r\n") + 4;
        int end = body.lastIndexOf("\r\n--");
        return body.substring(start, end).getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void preferenceDataTrainsWithDpoAndItsBeta() throws Exception {
        Path file = Files.createTempFile("pref", ".jsonl");
        Files.writeString(file, "{\"input\": {\"messages\": [{\"role\": \"user\", \"content\": \"Hi\"}]}, "
                + "\"preferred_output\": [{\"role\": \"assistant\", \"content\": \"Hello!\"}], "
                + "\"non_preferred_output\": [{\"role\": \"assistant\", \"content\": \"What.\"}]}\n");
        DatasetExports preference = (project, dataset, provider, model) ->
                new ExportedDataset(file, "pref.jsonl", 200, "ab".repeat(32), "openai-preference", 1, 0);
        stubs.stageAccepted(wm);
        jobsAccepted();
        OpenAiAdapter adapter = adapter(preference, OpenAiAdapter.SINGLE_UPLOAD_LIMIT, OpenAiAdapter.PART_SIZE);

        String fileId = adapter.stage(stageRequest());
        adapter.submit(submitRequest(fileId, new Hyperparameters(2, null, null, null), Map.of("beta", 0.2)));

        assertThat(tree(createBody()).get("method")).isEqualTo(tree("""
                {"type": "dpo", "dpo": {"hyperparameters": {"n_epochs": 2, "beta": 0.2}}}"""));
        wm.verify(postRequestedFor(urlPathEqualTo("/v1/files"))
                .withRequestBody(containing("filename=\"tunegate-" + "ab".repeat(32) + ".openai-preference.jsonl\"")));
        wm.verify(0, getRequestedFor(urlPathEqualTo("/v1/files/" + fileId)));
    }

    @Test
    void aFileStagedByAnotherProcessIsRecognisedByItsName() {
        wm.stubFor(get(urlPathEqualTo("/v1/files/file-pref")).willReturn(json(200, """
                {"id": "file-pref", "object": "file", "bytes": 200, "created_at": 1721764800,
                 "filename": "tunegate-abc.openai-preference.jsonl", "purpose": "fine-tune"}""")));
        wm.stubFor(get(urlPathEqualTo("/v1/files/file-chat")).willReturn(json(200, """
                {"id": "file-chat", "object": "file", "bytes": 200, "created_at": 1721764800,
                 "filename": "tunegate-abc.openai-chat.jsonl", "purpose": "fine-tune"}""")));
        jobsAccepted();

        adapter().submit(submitRequest("file-pref", Hyperparameters.AUTO, Map.of()));
        adapter().submit(submitRequest("file-chat", Hyperparameters.AUTO, Map.of()));

        List<LoggedRequest> creates = wm.findAll(postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs")));
        assertThat(tree(creates.get(0).getBodyAsString()).get("method")).isEqualTo(tree("{\"type\": \"dpo\"}"));
        assertThat(tree(creates.get(1).getBodyAsString()).get("method")).isEqualTo(tree("{\"type\": \"supervised\"}"));
    }

    @Test
    void optionsAndHyperparametersAreTranslatedAndTheJobIsTagged() {
        stubs.stageAccepted(wm);
        jobsAccepted();
        OpenAiAdapter adapter = new OpenAiAdapter(settings("org-1", "proj-1"), new TranslatingExports(),
                ProviderPolicy.defaults(), Clock.systemUTC());
        SubmitRequest request = submitRequest(adapter.stage(stageRequest()), new Hyperparameters(4, 8, null, 1.5),
                Map.of("suffix", "support", "seed", 7,
                        "integrations", List.of(Map.of("type", "wandb", "wandb", Map.of("project", "ft", "tags", List.of("a"))))));

        SubmittedJob job = adapter.submit(request);

        assertThat(job.state()).isEqualTo(ProviderJobState.QUEUED);
        assertThat(job.rawStatus()).isEqualTo("validating_files");
        assertThat(tree(createBody())).isEqualTo(tree("""
                {"model": "gpt-4o-mini-2024-07-18", "training_file": "file-abc123",
                 "method": {"type": "supervised", "supervised": {"hyperparameters":
                   {"n_epochs": 4, "batch_size": 8, "learning_rate_multiplier": 1.5}}},
                 "suffix": "support", "seed": 7,
                 "integrations": [{"type": "wandb", "wandb": {"project": "ft", "tags": ["a"]}}],
                 "metadata": {"tunegate_job_id": "%s"}}""".formatted(request.idempotencyKey())));
        wm.verify(postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs"))
                .withHeader("OpenAI-Organization", equalTo("org-1")).withHeader("OpenAI-Project", equalTo("proj-1")));
    }

    @Test
    void withoutOrganizationOrProjectNoSuchHeadersAreSent() {
        jobsAccepted();
        wm.stubFor(get(urlPathEqualTo("/v1/files/file-abc123")).willReturn(json(200, stubs.file("processed"))));

        adapter().submit(submitRequest("file-abc123", Hyperparameters.AUTO, Map.of()));

        wm.verify(postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs"))
                .withHeader("OpenAI-Organization", absent()).withHeader("OpenAI-Project", absent()));
    }

    @Test
    void anAbsoluteLearningRateIsRefusedAsUnsupported() {
        jobsAccepted();
        wm.stubFor(get(urlPathEqualTo("/v1/files/file-abc123")).willReturn(json(200, stubs.file("processed"))));

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class, () ->
                adapter().submit(submitRequest("file-abc123", new Hyperparameters(null, null, 1e-5, null), Map.of())));

        assertThat(refused.code()).isEqualTo("unsupported_hyperparameter");
        assertThat(refused.getMessage()).contains("learning_rate");
        wm.verify(0, postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs")));
    }

    @Test
    void betaOnChatDataIsRefusedRatherThanDropped() {
        jobsAccepted();
        wm.stubFor(get(urlPathEqualTo("/v1/files/file-abc123")).willReturn(json(200, stubs.file("processed"))));

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class, () ->
                adapter().submit(submitRequest("file-abc123", Hyperparameters.AUTO, Map.of("beta", 0.1))));

        assertThat(refused.code()).isEqualTo("unsupported_hyperparameter");
        assertThat(refused.getMessage()).contains("beta");
        wm.verify(0, postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            color        | 1                    | color
            suffix       | 12                   | suffix
            suffix       | ''                   | suffix
            seed         | -1                   | seed
            seed         | 1.5                  | seed
            beta         | 3                    | beta
            integrations | notalist             | integrations
            """)
    void badOptionsAreRefusedNamingTheField(String key, String value, String field) {
        Object parsed = value.equals("notalist") || value.isEmpty() || key.equals("color") ? value
                : key.equals("suffix") ? (Object) Integer.valueOf(value) : Double.valueOf(value);
        assertThatThrownBy(() -> adapter().validateOptions(Map.of(key, parsed)))
                .isInstanceOfSatisfying(ApiException.class, e ->
                        assertThat(e.violations().getFirst().field()).isEqualTo("provider_options.openai." + field));
    }

    @Test
    void anIntegrationOtherThanWandbOrWithoutProjectIsRefused() {
        assertThatThrownBy(() -> adapter().validateOptions(Map.of("integrations", List.of(Map.of("type", "comet")))))
                .isInstanceOf(ApiException.class).hasMessageContaining("integrations[0].type");
        assertThatThrownBy(() -> adapter().validateOptions(Map.of("integrations",
                List.of(Map.of("type", "wandb", "wandb", Map.of("name", "x"))))))
                .isInstanceOf(ApiException.class).hasMessageContaining("integrations[0].wandb.project");
        adapter().validateOptions(Map.of("suffix", "ok", "seed", 3, "beta", 0.5,
                "integrations", List.of(Map.of("type", "wandb", "wandb", Map.of("project", "p")))));
    }

    @Test
    void findSubmittedFiltersByMetadataAndStillChecksItAcrossPages() {
        String key = UUID.randomUUID().toString();
        // a provider that ignored the filter: the first page holds someone else's job, the second ours
        wm.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs")).withQueryParam("after", absent())
                .willReturn(json(200, "{\"object\": \"list\", \"has_more\": true, \"data\": ["
                        + stubs.job("ftjob-other", "running", null, null, null,
                        "\"metadata\": {\"tunegate_job_id\": \"someone-else\"}") + "]}")));
        wm.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs")).withQueryParam("after", equalTo("ftjob-other"))
                .willReturn(json(200, "{\"object\": \"list\", \"has_more\": false, \"data\": ["
                        + stubs.job("ftjob-mine", "running", null, null, null,
                        "\"metadata\": {\"tunegate_job_id\": \"" + key + "\"}") + "]}")));

        assertThat(adapter().findSubmitted(key)).map(SubmittedJob::providerJobId).contains("ftjob-mine");
        assertThat(adapter().findSubmitted("nobody")).isEmpty();
        wm.verify(getRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs"))
                .withQueryParam("metadata[tunegate_job_id]", equalTo(key)));
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            validating_files, QUEUED
            queued,           QUEUED
            created,          QUEUED
            pending,          QUEUED
            running,          RUNNING
            paused,           PAUSED
            something_new,    RUNNING
            succeeded,        SUCCEEDED
            failed,           FAILED
            cancelled,        CANCELLED
            """)
    void statusWordsMapOntoStates(String raw, ProviderJobState state) {
        assertThat(FineTuningStatus.of(raw)).isEqualTo(state);
    }

    @Test
    void anUnknownStatusIsRunningAndKeptRaw() {
        wm.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs/ftjob-1"))
                .willReturn(json(200, stubs.job("ftjob-1", "preempted", null, null, null, "\"metadata\": null"))));
        wm.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs/ftjob-1/events"))
                .willReturn(json(200, "{\"object\": \"list\", \"data\": [], \"has_more\": false}")));

        ProviderJobSnapshot snapshot = adapter().fetch("ftjob-1", null);

        assertThat(snapshot.state()).isEqualTo(ProviderJobState.RUNNING);
        assertThat(snapshot.rawStatus()).isEqualTo("preempted");
        assertThat(snapshot.events()).isEmpty();
        assertThat(snapshot.nextEventCursor()).isNull();
    }

    @Test
    void eventsArePagedBackToTheCursorAndComeOldestFirstWithMetricsAndProgress() {
        wm.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs/ftjob-1"))
                .willReturn(json(200, stubs.job("ftjob-1", "running", null, null, null, "\"metadata\": null"))));
        wm.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs/ftjob-1/events")).withQueryParam("after", absent())
                .willReturn(json(200, """
                        {"object": "list", "has_more": true, "data": [
                          %s, %s, %s]}""".formatted(metrics("e7", 5, 10), message("e6", "Checkpoint saved"),
                        metrics("e5", 4, 10)))));
        wm.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs/ftjob-1/events")).withQueryParam("after", equalTo("e5"))
                .willReturn(json(200, """
                        {"object": "list", "has_more": true, "data": [%s, %s, %s]}""".formatted(
                        message("e4", "Half way"), message("e3", "Fine-tuning job started"), metrics("e2", 1, 10)))));

        ProviderJobSnapshot snapshot = adapter().fetch("ftjob-1", "e3");

        assertThat(snapshot.events()).extracting(ProviderJobSnapshot.Event::id).containsExactly("e4", "e6");
        assertThat(snapshot.events().getFirst().message()).isEqualTo("Half way");
        assertThat(snapshot.metrics()).extracting(ProviderJobSnapshot.MetricPoint::step).containsExactly(4, 5);
        // 3 epochs over 10 steps: step 5 is half-way through
        assertThat(snapshot.metrics().getLast().epoch()).isEqualTo(1.5);
        assertThat(snapshot.metrics().getLast().trainLoss()).isEqualTo(0.5);
        assertThat(snapshot.metrics().getLast().extra()).containsEntry("train_mean_token_accuracy", 0.8);
        assertThat(snapshot.progress()).isEqualTo(0.5);
        assertThat(snapshot.nextEventCursor()).isEqualTo("e7");
        // nothing beyond the page holding the cursor was read
        wm.verify(2, getRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs/ftjob-1/events")));

        ProviderJobSnapshot again = adapter().fetch("ftjob-1", "e7");
        assertThat(again.events()).isEmpty();
        assertThat(again.metrics()).isEmpty();
        assertThat(again.progress()).isEqualTo(0.5);
        assertThat(again.nextEventCursor()).isEqualTo("e7");
    }

    @Test
    void aSucceededJobAddsItsCheckpointsAsEventsWithTheirMetrics() {
        stubs.job(wm, "ftjob-1", io.tunegate.provider.contract.ProviderStubs.Phase.SUCCEEDED);

        ProviderJobSnapshot done = adapter().fetch("ftjob-1", "ftevent-4");

        assertThat(done.progress()).isEqualTo(1.0);
        assertThat(done.events()).extracting(ProviderJobSnapshot.Event::id)
                .containsExactly("checkpoint:ftckpt_1", "checkpoint:ftckpt_2");
        assertThat(done.events().getLast().message()).contains(OpenAiStubs.MODEL + ":ckpt-step-6")
                .contains("full_valid_loss=0.55");
        assertThat(done.metrics()).anySatisfy(m -> {
            assertThat(m.step()).isEqualTo(6);
            assertThat(m.extra()).containsEntry("full_valid_loss", 0.55);
        });
    }

    private static String metrics(String id, int step, int total) {
        return """
                {"object": "fine_tuning.job.event", "id": "%s", "created_at": 1721764900, "level": "info",
                 "message": "Step %d/%d", "type": "metrics",
                 "data": {"step": %d, "train_loss": %s, "total_steps": %d, "train_mean_token_accuracy": 0.8}}"""
                .formatted(id, step, total, step, 1.0 / (step - 3 > 0 ? step - 3 : 1), total);
    }

    private static String message(String id, String text) {
        return """
                {"object": "fine_tuning.job.event", "id": "%s", "created_at": 1721764800, "level": "info",
                 "message": "%s", "type": "message", "data": null}""".formatted(id, text);
    }

    private static tools.jackson.databind.JsonNode tree(String text) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(text);
    }
}
