package io.tunegate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The command against a stub gateway: options, environment, exit codes, text and JSON output. */
class TunegateCommandTest {

    private static final String KEY = "tg_secret_key_never_printed";

    static final String JOB = """
            {"id":"0199a1b2-0000-7000-8000-000000000001","object":"job","job_name":"support-bot",
             "status":"running","provider_status":"training","provider":"sandbox","provider_job_id":"sb-1",
             "provider_plan":["sandbox"],"base_model":"gpt-4o-mini","training_data":"ds-1",
             "hyperparameters":{"n_epochs":3},"estimated_cost_usd":0.012,"metadata":{},
             "created_at":"2026-11-21T16:15:56.167Z","a_field_from_a_newer_gateway":true}""";

    private StubGateway gateway;
    private Map<String, String> env;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        gateway = new StubGateway();
        env = Map.of("TUNEGATE_URL", gateway.url(), "TUNEGATE_API_KEY", KEY);
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    private CommandRun run(String... args) {
        return CommandRun.run(env, false, args);
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        CommandRun run = run("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("submit", "estimate", "jobs", "watch", "cancel", "datasets", "models",
                "TUNEGATE_URL", "TUNEGATE_API_KEY", "Exit codes:", "4  the gateway cannot be reached");
    }

    @Test
    void aWrongOptionIsAUsageError() {
        CommandRun run = run("jobs", "--no-such-option");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void anUnknownStatusIsAUsageErrorAndNothingIsSent() {
        CommandRun run = run("jobs", "--status", "running,finished");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("unknown status 'finished'");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void withoutAnApiKeyNothingIsSent() {
        CommandRun run = CommandRun.run(Map.of("TUNEGATE_URL", gateway.url()), false, "jobs");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no API key: set TUNEGATE_API_KEY or give --api-key");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void theEnvironmentGivesUrlAndKeyAndTheKeyIsNeverPrinted() {
        gateway.answer("GET /v1/jobs/j1", 200, JOB).answer("GET /v1/jobs/j1/metrics", 200, """
                {"object":"list","data":[{"step":8,"epoch":1.2,"train_loss":0.81234}],"has_more":false}""");

        CommandRun run = run("job", "j1");

        assertThat(run.exitCode()).isZero();
        assertThat(gateway.requests).first().satisfies(r -> assertThat(r.authorization()).isEqualTo("Bearer " + KEY));
        assertThat(run.out()).contains("status           running (provider: training)",
                "latest point     step 8, epoch 1.2, train loss 0.8123", "estimated cost   0.012 USD");
        assertThat(run.out() + run.err()).doesNotContain(KEY);
    }

    @Test
    void aJobWithProgressShowsItsBarAndOneWithoutShowsNone() {
        gateway.answer("GET /v1/jobs/j1", 200, JOB.replace("\"provider_status\":\"training\",",
                        "\"provider_status\":\"training\",\"progress\":0.35,"))
                .answer("GET /v1/jobs/j1/metrics", 200, "{\"object\":\"list\",\"data\":[],\"has_more\":false}");

        CommandRun run = run("job", "j1");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("status           running (provider: training)\n"
                + "progress         [##########--------------------]  35%\n");

        gateway.answer("GET /v1/jobs/j1", 200, JOB);
        assertThat(run("job", "j1").out()).doesNotContain("progress");
    }

    @Test
    void optionsGivenAfterTheSubcommandWinOverTheEnvironment() throws IOException {
        try (StubGateway other = new StubGateway()) {
            other.answer("GET /v1/jobs", 200, "{\"object\":\"list\",\"data\":[],\"has_more\":false}");

            CommandRun run = CommandRun.run(Map.of("TUNEGATE_URL", gateway.url()), false,
                    "jobs", "--url", other.url(), "--api-key", "other-key", "--status", "running,failed",
                    "--name", "support-bot", "--limit", "5");

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(run.out()).isEqualTo("No jobs.\n");
            assertThat(gateway.requests).isEmpty();
            assertThat(other.requests).singleElement().satisfies(r -> {
                assertThat(r.authorization()).isEqualTo("Bearer other-key");
                assertThat(r.pathAndQuery()).startsWith("/v1/jobs?").contains("status=running", "failed",
                        "job_name=support-bot", "limit=5");
            });
        }
    }

    @Test
    void jsonIsTheApisSpellingAndKeepsOnlyItsFields() {
        gateway.answer("GET /v1/jobs/j1", 200, JOB);

        CommandRun run = run("--json", "job", "j1");

        assertThat(run.exitCode()).isZero();
        JsonNode job = Output.JSON.readTree(run.out());
        assertThat(job.get("id").asString()).isEqualTo("0199a1b2-0000-7000-8000-000000000001");
        assertThat(job.get("job_name").asString()).isEqualTo("support-bot");
        assertThat(job.get("status").asString()).isEqualTo("running");
        assertThat(job.get("hyperparameters").get("n_epochs").asInt()).isEqualTo(3);
        assertThat(job.get("created_at").asString()).isEqualTo("2026-11-21T16:15:56.167Z");
        // a helper method of the client's record is not a field of the API
        assertThat(job.has("terminal")).isFalse();
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aProblemIsPrintedWithItsFieldsAndExitsWith3() throws IOException {
        Path file = Files.writeString(dir.resolve("job.json"), "{\"job_name\":\"\"}");
        gateway.answer("POST /v1/jobs", 400, """
                {"type":"https://tunegate.dev/problems/invalid-request","title":"Bad Request","status":400,
                 "detail":"The job request has 2 invalid fields",
                 "errors":[{"field":"job_name","message":"must not be blank"},
                           {"field":"base_model","message":"is required"}]}""");

        CommandRun text = run("submit", file.toString());
        CommandRun json = run("submit", "--json", file.toString());

        assertThat(text.exitCode()).isEqualTo(3);
        assertThat(text.err()).contains("tunegate: the gateway answered 400 Bad Request (invalid-request)",
                "The job request has 2 invalid fields", "job_name    must not be blank",
                "base_model  is required");
        assertThat(text.out()).isEmpty();
        assertThat(gateway.requests.getFirst().body()).isEqualTo("{\"job_name\":\"\"}");
        assertThat(json.exitCode()).isEqualTo(3);
        assertThat(Output.JSON.readTree(json.err()).get("errors").get(0).get("field").asString())
                .isEqualTo("job_name");
        assertThat(json.out()).isEmpty();
    }

    @Test
    void anUnreadableJobFileIsAUsageError() {
        CommandRun run = run("submit", dir.resolve("missing.json").toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("cannot read").contains("missing.json");
        assertThat(gateway.requests).isEmpty();
    }

    @Test
    void aGatewayThatDoesNotAnswerExitsWith4() {
        String closed = gateway.url();
        gateway.close();

        CommandRun run = CommandRun.run(Map.of("TUNEGATE_URL", closed, "TUNEGATE_API_KEY", KEY), false, "models");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.err()).contains("cannot reach the gateway at " + closed);
    }

    @Test
    void anInvalidDatasetIsReportedAsATableAndExitsWith1() throws IOException {
        Path file = Files.writeString(dir.resolve("train.jsonl"), "{\"messages\":[]}\nnot json\n");
        gateway.answer("POST /v1/datasets", 201, """
                {"id":"ds-1","object":"dataset","filename":"train.jsonl","bytes":25,"sha256":"ab12","status":"invalid",
                 "format":"chat","examples":0,"tokenizer":"o200k_base","created_at":"2026-11-21T16:00:00Z",
                 "report":{"format":"chat","lines":2,"examples":0,"bytes":25,"valid":false,
                   "errors":{"empty_messages":{"count":1,"lines":[1]},"invalid_json":{"count":1,"lines":[2]}},
                   "warnings":{},"tokens":{"tokenizer":"o200k_base","exactness":"exact","total":0,"min":0,"mean":0,
                     "p50":0,"p95":0,"max":0,"over_limit":0,"limit_per_example":65536,"billable_per_epoch":0},
                   "roles":{}}}""");

        CommandRun run = run("datasets", "upload", file.toString());

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("Dataset ds-1  train.jsonl  INVALID", """
                KIND            LINES  FIRST LINE NUMBERS
                empty_messages      1  1
                invalid_json        1  2
                """);
        // not a terminal: a line per tenth of the upload, on stderr
        assertThat(run.err()).contains("uploading   [##############################] 100%  25 B / 25 B");
        assertThat(run.err()).doesNotContain("\r");
        assertThat(gateway.requests.getFirst().pathAndQuery()).isEqualTo("/v1/datasets?filename=train.jsonl");
    }

    @Test
    void estimateIsATablePerProvider() throws IOException {
        Path file = Files.writeString(dir.resolve("job.json"), "{}");
        gateway.answer("POST /v1/estimates", 200, """
                {"base_model":"gpt-4o-mini","catalog_model":"gpt-4o-mini","examples":1200,
                 "providers":[{"provider":"sandbox","provider_model":"gpt-4o-mini","available":true,"reasons":[],
                               "epochs":3,"billable_tokens":1843200,"token_count":"exact",
                               "price_per_million_tokens":0,"price_confirmed":true,"total_usd":0},
                              {"provider":"openai","provider_model":"gpt-4o-mini-2024-07-18","available":false,
                               "reasons":["openai is not enabled on this gateway"],"epochs":3,
                               "billable_tokens":1843200,"token_count":"exact","price_per_million_tokens":3.00,
                               "price_confirmed":false,"total_usd":5.529600}],
                 "auto":{"provider":"sandbox","reason":"cheapest of 1 available provider"}}""");

        CommandRun run = run("estimate", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                gpt-4o-mini, 1,200 examples
                PROVIDER  MODEL                   AVAILABLE  EPOCHS     TOKENS  USD/1M  TOTAL USD  NOTES
                sandbox   gpt-4o-mini             yes             3  1,843,200    0.00       0.00
                openai    gpt-4o-mini-2024-07-18  no              3  1,843,200   3.00*     5.5296  openai is not enabled on this gateway
                * price not confirmed in an official source
                auto: sandbox (cheapest of 1 available provider)
                """);
    }
}
