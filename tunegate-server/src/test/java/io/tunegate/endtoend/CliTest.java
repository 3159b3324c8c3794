package io.tunegate.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tunegate.cli.CliEnvironment;
import io.tunegate.cli.TunegateCommand;
import io.tunegate.security.Projects;
import io.tunegate.support.GatewayTest;
import io.tunegate.support.TestApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code tunegate} command, run in-process against the whole gateway (sandbox jobs of 2 s in 4 steps): a
 * project's path from an upload to a registered model, a failing and a cancelled job, and errors as exit codes.
 */
@GatewayTest
class CliTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;
    @Autowired
    Projects projects;

    @TempDir
    Path dir;

    private Map<String, String> env;

    /** What one run of the command did. */
    record Run(int exitCode, String out, String err) {

        JsonNode json() {
            return JSON.readTree(out);
        }
    }

    @BeforeEach
    void actAsANewProject() {
        var project = projects.create("cli-" + UUID.randomUUID());
        env = Map.of(CliEnvironment.URL_VARIABLE, "http://localhost:" + port,
                CliEnvironment.API_KEY_VARIABLE, projects.issueKey(project, "cli").key());
    }

    private Run tunegate(String... args) {
        return tunegate(env, args);
    }

    private static Run tunegate(Map<String, String> env, String... args) {
        return tunegate(env, false, args);
    }

    /** @param terminal whether stderr is to look like a terminal, where progress bars redraw in place */
    private static Run tunegate(Map<String, String> env, boolean terminal, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = TunegateCommand.run(new CliEnvironment(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), terminal), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path file(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    /** A sandbox job on the dataset; {@code sandbox} is its provider_options.sandbox. */
    private Path jobFile(String jobName, String dataset, String sandbox) throws IOException {
        return file(jobName + ".json", """
                {"job_name": "%s", "base_model": "gpt-4o-mini", "training_data": "%s",
                 "hyperparameters": {"n_epochs": 3}, "provider": "sandbox",
                 "provider_options": {"sandbox": %s}}""".formatted(jobName, dataset, sandbox));
    }

    private String uploadSample() throws IOException {
        Run upload = tunegate("--json", "datasets", "upload", file("train.jsonl", TestApi.SAMPLE_DATASET).toString());
        assertThat(upload.exitCode()).as(upload.err()).isZero();
        return upload.json().get("id").asString();
    }

    @Test
    void fromAnUploadToARegisteredModel() throws IOException {
        Path data = file("train.jsonl", TestApi.SAMPLE_DATASET);

        Run upload = tunegate("datasets", "upload", "--base-model", "gpt-4o-mini", data.toString());
        assertThat(upload.exitCode()).as(upload.err()).isZero();
        assertThat(upload.out()).contains("train.jsonl  VALID", "format    chat", "examples  3 (3 lines)",
                "Provider checks", "PROVIDER", "openai needs at least 10 training examples; the dataset has 3");
        // not a terminal: plain progress lines on stderr, the last at 100%
        assertThat(upload.err()).contains("uploading   [##############################] 100%")
                .doesNotContain("\r");
        String dataset = tunegate("--json", "datasets", "list").json().get("data").get(0).get("id").asString();

        // long enough that the job is still running when watch starts, even on a loaded machine
        Path job = jobFile("cli-bot", dataset, "{\"duration_seconds\": 6}");
        Run estimate = tunegate("estimate", job.toString());
        assertThat(estimate.exitCode()).as(estimate.err()).isZero();
        assertThat(estimate.out()).contains("gpt-4o-mini, 3 examples", "PROVIDER", "sandbox", "auto: sandbox");

        Run submit = tunegate("--json", "submit", job.toString());
        assertThat(submit.exitCode()).as(submit.err()).isZero();
        String id = submit.json().get("id").asString();
        assertThat(submit.json().get("job_name").asString()).isEqualTo("cli-bot");

        Run jobs = tunegate("jobs");
        assertThat(jobs.out()).startsWith("ID").contains(id, "cli-bot", "sandbox", "gpt-4o-mini");
        Run jobsJson = tunegate("jobs", "--json", "--name", "cli-bot");
        assertThat(jobsJson.json().get("data").get(0).get("id").asString()).isEqualTo(id);

        Run watch = tunegate("watch", id);
        assertThat(watch.exitCode()).as(watch.err()).isZero();
        assertThat(watch.out()).startsWith("Job " + id + " succeeded")
                .contains("model           sandbox:gpt-4o-mini:", "trained tokens", "cost");
        // the curve: steps 1 .. 4 at epochs 0.75 .. 3 of 3, the loss beside them, and 100% at the end
        assertThat(watch.err()).contains("running  ", "step 4  epoch 3/3  loss ",
                "succeeded   [##############################] 100%");

        // an ended job: the summary again, and with --events its history
        Run history = tunegate("watch", "--events", id);
        assertThat(history.exitCode()).isZero();
        assertThat(history.err()).contains("1  created  ", "provider_message  Step 4/4: training loss=",
                "status_changed");

        Run show = tunegate("job", id);
        assertThat(show.out()).contains("status           succeeded",
                "progress         [##############################] 100%", "latest point     step 4, epoch 3, train loss");

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(tunegate("models").out()).contains("cli-bot", "sandbox:gpt-4o-mini:"));
        Run models = tunegate("models", "--json");
        assertThat(models.json().get(0).get("name").asString()).isEqualTo("cli-bot");
        assertThat(models.json().get(0).get("latest_version").get("job_id").asString()).isEqualTo(id);
        Run catalog = tunegate("models", "--catalog", "--json");
        assertThat(catalog.exitCode()).isZero();
        assertThat(catalog.json().get("models").isArray()).isTrue();
    }

    @Test
    void watchingAFailingJobExitsWith1AndSaysWhy() throws IOException {
        Path job = jobFile("cli-fails", uploadSample(), "{\"outcome\": \"fail\"}");

        Run watch = tunegate(env, true, "submit", "--watch", job.toString());

        assertThat(watch.exitCode()).as(watch.err()).isEqualTo(1);
        assertThat(watch.out()).contains(" failed", "error           sandbox_training_failed");
        // on a terminal the bar is redrawn in place on one line, which ends when the job does
        assertThat(watch.err()).contains("\rrunning     [").containsPattern("\\rfailed {6}\\[#+-+\\]  50%[^\\r]*\\n$");
    }

    @Test
    void aCancelledJobEndsTheWatchWith1() throws IOException {
        Path job = jobFile("cli-cancelled", uploadSample(), "{\"duration_seconds\": 60}");
        String id = tunegate("--json", "submit", job.toString()).json().get("id").asString();

        Run cancel = tunegate("cancel", id);
        assertThat(cancel.exitCode()).as(cancel.err()).isZero();
        assertThat(cancel.out()).startsWith("Job " + id + " is cancel");

        Run watch = tunegate("--json", "watch", id);
        assertThat(watch.exitCode()).isEqualTo(1);
        assertThat(watch.json().get("status").asString()).isEqualTo("cancelled");

        Run again = tunegate("cancel", id);
        assertThat(again.exitCode()).isEqualTo(3);
        assertThat(again.err()).contains("409", "conflict");
    }

    @Test
    void anInvalidDatasetIsReportedWithItsLinesAndExitsWith1() throws IOException {
        Path data = file("broken.jsonl", TestApi.SAMPLE_DATASET + "not json\n{\"messages\": []}\n");

        Run upload = tunegate("datasets", "upload", data.toString());

        assertThat(upload.exitCode()).isEqualTo(1);
        assertThat(upload.out()).contains("broken.jsonl  INVALID", "Errors", "KIND", "LINES", "FIRST LINE NUMBERS");
        assertThat(upload.out()).containsPattern("\\n\\S+\\s+1  4\\n");
    }

    @Test
    void gatewayErrorsAreProblemsWithExitCode3() throws IOException {
        Run missing = tunegate("job", UUID.randomUUID().toString());
        assertThat(missing.exitCode()).isEqualTo(3);
        assertThat(missing.err()).contains("404", "not-found");

        Run invalid = tunegate("submit", file("bad.json", "{\"job_name\": \"x\"}").toString());
        assertThat(invalid.exitCode()).isEqualTo(3);
        assertThat(invalid.err()).contains("400", "invalid-request", "FIELD", "base_model", "training_data");

        Map<String, String> badKey = Map.of(CliEnvironment.URL_VARIABLE, "http://localhost:" + port,
                CliEnvironment.API_KEY_VARIABLE, "not-a-key");
        Run unauthenticated = tunegate(badKey, "--json", "jobs");
        assertThat(unauthenticated.exitCode()).isEqualTo(3);
        assertThat(JSON.readTree(unauthenticated.err()).get("status").asInt()).isEqualTo(401);
        assertThat(unauthenticated.out()).isEmpty();
    }
}
