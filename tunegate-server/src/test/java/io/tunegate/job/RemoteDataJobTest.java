package io.tunegate.job;

import io.tunegate.TunegateApplication;
import io.tunegate.security.Projects;
import io.tunegate.support.RemoteSourceArgs;
import io.tunegate.support.S3TestServer;
import io.tunegate.support.TestApi;
import io.tunegate.support.TestHttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import static io.tunegate.support.TestHttpsServer.ok;
import static io.tunegate.support.TestHttpsServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Jobs whose data is an s3:// object or an https:// file: imported while the job is validating, then priced,
 * routed and reserved on the real counts. Its own gateway (started by hand, like RemoteImportTest): the
 * shared test context cannot reach loopback sources.
 */
class RemoteDataJobTest {

    private static final String SOURCE = "job-data";
    private static final String GOOD = TestApi.SAMPLE_DATASET;
    private static final TestHttpsServer HTTPS = new TestHttpsServer();

    private static ConfigurableApplicationContext gateway;
    private static Projects projects;
    private static int port;

    private TestApi api;

    @BeforeAll
    static void start() {
        S3TestServer s3 = S3TestServer.shared().asDefaultCredentials().bucket(SOURCE);
        s3.put(SOURCE, "teams/support/train.jsonl", GOOD.getBytes(StandardCharsets.UTF_8));
        HTTPS.on("/exports/train.jsonl", ok(GOOD.getBytes(StandardCharsets.UTF_8)))
                .on("/exports/missing.jsonl", status(404))
                .on("/exports/broken.jsonl", ok("not json\n".getBytes(StandardCharsets.UTF_8)));
        gateway = new SpringApplicationBuilder(TunegateApplication.class).run(RemoteSourceArgs.with(s3,
                "--tunegate.providers.sandbox.job-duration=1s",
                "--tunegate.providers.sandbox.steps=2",
                "--tunegate.providers.sandbox.poll-interval=150ms",
                "--tunegate.providers.sandbox.price-per-million-tokens=2.00",
                "--tunegate.scheduler.polling-interval=100ms"));
        projects = gateway.getBean(Projects.class);
        port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        HTTPS.close();
    }

    @BeforeEach
    void newProject() {
        api = TestApi.withKey(port, projects.issueKey(projects.create("remote-" + UUID.randomUUID()), "test").key());
    }

    private static String job(String data, String extra) {
        return """
                {"job_name": "remote", "base_model": "gpt-4o-mini", "training_data": "%s",
                 "hyperparameters": {"n_epochs": 2}%s}""".formatted(data, extra);
    }

    private JsonNode awaitEnd(String id) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> {
            String status = api.get("/v1/jobs/" + id).json().get("status").asString();
            return status.equals("succeeded") || status.equals("failed") || status.equals("cancelled");
        });
        return api.get("/v1/jobs/" + id).json();
    }

    private JsonNode dataReadyEvent(String id) {
        for (JsonNode e : api.get("/v1/jobs/" + id + "/events?limit=1000").json().get("data")) {
            if (e.get("type").asString().equals("data_ready")) {
                return e;
            }
        }
        return null;
    }

    @Test
    void anHttpsFileIsImportedCountedPricedAndTrainedOn() {
        TestApi.Response created = api.post("/v1/jobs", job(HTTPS.uri("/exports/train.jsonl").toString(), ""));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("estimated_cost_usd").isNull()).isTrue(); // not counted yet

        JsonNode done = awaitEnd(created.json().get("id").asString());

        assertThat(done.get("status").asString()).isEqualTo("succeeded");
        JsonNode ready = dataReadyEvent(done.get("id").asString());
        assertThat(ready).isNotNull();
        String dataset = ready.get("data").get("training_dataset").asString();
        JsonNode tokens = api.get("/v1/datasets/" + dataset).json().get("report").get("tokens");
        long expected = tokens.get("total").asLong() * 2 * 2; // tokens x 2 epochs x 2 USD per 1M, in micro-dollars
        assertThat(done.get("estimated_cost_usd").decimalValue()).isEqualByComparingTo(java.math.BigDecimal.valueOf(expected, 6));
        JsonNode estimate = api.get("/v1/jobs/" + done.get("id").asString() + "/estimate").json();
        assertThat(estimate.get("examples").asLong()).isEqualTo(3);
        // the registered model's lineage names the imported dataset, i.e. the exact bytes trained on
        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/v1/models/remote").status() == 200);
        assertThat(api.get("/v1/models/remote").json().get("latest_version").get("training_data").asString())
                .isEqualTo(dataset);
    }

    @Test
    void anS3ObjectIsImportedAndTrainedOn() {
        String id = api.submit(job("s3://" + SOURCE + "/teams/support/train.jsonl", ""));
        JsonNode done = awaitEnd(id);
        assertThat(done.get("status").asString()).isEqualTo("succeeded");
        assertThat(dataReadyEvent(id).get("message").asString()).contains("3 examples");
    }

    @Test
    void dataThatCannotBeUsedFailsTheJobWithTheReason() {
        JsonNode missing = awaitEnd(api.submit(job(HTTPS.uri("/exports/missing.jsonl").toString(), "")));
        assertThat(missing.get("status").asString()).isEqualTo("failed");
        assertThat(missing.get("error").get("code").asString()).isEqualTo("invalid_data");
        assertThat(missing.get("error").get("message").asString()).contains("404");

        JsonNode broken = awaitEnd(api.submit(job(HTTPS.uri("/exports/broken.jsonl").toString(), "")));
        assertThat(broken.get("error").get("code").asString()).isEqualTo("invalid_data");
        assertThat(broken.get("error").get("message").asString()).contains("did not pass validation");

        JsonNode dear = awaitEnd(api.submit(job(HTTPS.uri("/exports/train.jsonl").toString(), ", \"budget_limit\": 0.000001")));
        assertThat(dear.get("error").get("code").asString()).isEqualTo("budget_exceeded");
        assertThat(dear.get("error").get("message").asString()).contains("0.000001");
        // a failed job holds no reservation
        assertThat(api.get("/v1/spend").json().get("reserved_usd").decimalValue()).isZero();
    }
}
