package io.tunegate.client;

import io.tunegate.client.model.Job;
import io.tunegate.client.model.JobRequest;
import io.tunegate.client.model.JobStatus;
import io.tunegate.client.model.Page;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's requests and answers against a stand-in gateway; the real one is driven in tunegate-server. */
class FineTuningClientTest {

    private static final String JOB = """
            {"id":"j1","object":"job","job_name":"bot","status":"running","provider_status":"RUNNING",
             "provider":"sandbox","provider_plan":["sandbox"],"base_model":"gpt-4o-mini","training_data":"ds-1",
             "hyperparameters":{"n_epochs":3,"batch_size":null,"learning_rate":null,"learning_rate_multiplier":1.8},
             "estimated_cost_usd":0.123456,"metadata":{"team":"support"},"created_at":"2026-11-21T16:15:56.167Z",
             "a_field_from_the_future":{"x":1}}""";

    private final StubGateway gateway;
    private final List<String> bodies = new CopyOnWriteArrayList<>();

    FineTuningClientTest() throws IOException {
        gateway = new StubGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    @Test
    void submitSendsEveryFieldInSnakeCaseAndRetriesWithTheSameIdempotencyKey() {
        AtomicInteger calls = new AtomicInteger();
        gateway.on("/v1/jobs", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            if (calls.incrementAndGet() == 1) {
                StubGateway.json(exchange, 503, "{\"status\":503,\"title\":\"Service Unavailable\"}");
            } else {
                StubGateway.json(exchange, 201, JOB);
            }
        });
        JobRequest request = JobRequest.builder().jobName("bot").baseModel("gpt-4o-mini").trainingData("ds-1")
                .validationData("s3://b/v.jsonl").epochs(3).batchSize(8).learningRate(0.0001)
                .learningRateMultiplier(1.8).auto("batch_size").provider("auto").fallbackProviders("together", "fireworks")
                .budgetLimit("25.00").webhookUrl("https://example.com/hook").metadata("team", "support")
                .providerOption("sandbox", "duration_seconds", 30).build();

        Job job;
        try (FineTuningClient client = gateway.client().build()) {
            job = client.submitTrainingJob(request);
        }

        assertThat(gateway.seen).hasSize(2);
        String key = gateway.seen.get(0).idempotencyKey();
        assertThat(key).isNotBlank().isEqualTo(gateway.seen.get(1).idempotencyKey());
        assertThat(bodies.get(0)).isEqualTo(bodies.get(1));
        // compared as trees of doubles: 1.0E-4 and 0.0001 are the same number
        var plain = tools.jackson.databind.json.JsonMapper.builder().build();
        assertThat(plain.readTree(bodies.get(1))).isEqualTo(plain.readTree("""
                {"job_name":"bot","base_model":"gpt-4o-mini","training_data":"ds-1",
                 "validation_data":"s3://b/v.jsonl",
                 "hyperparameters":{"n_epochs":3,"batch_size":"auto","learning_rate":0.0001,
                                    "learning_rate_multiplier":1.8},
                 "provider":"auto","fallback_providers":["together","fireworks"],"budget_limit":25.00,
                 "webhook_url":"https://example.com/hook","metadata":{"team":"support"},
                 "provider_options":{"sandbox":{"duration_seconds":30}}}"""));

        assertThat(job.id()).isEqualTo("j1");
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.hyperparameters().nEpochs()).isEqualTo(3);
        assertThat(job.hyperparameters().batchSize()).isNull();
        assertThat(job.estimatedCostUsd()).isEqualTo(new BigDecimal("0.123456"));
        assertThat(job.metadata()).isEqualTo(Map.of("team", "support"));
        assertThat(job.createdAt()).hasToString("2026-11-21T16:15:56.167Z");
    }

    @Test
    void anUnsetFieldIsNotSent() {
        gateway.on("/v1/estimates", exchange -> {
            bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            StubGateway.json(exchange, 200, "{\"base_model\":\"m\",\"providers\":[],\"auto\":{\"reason\":\"none\"}}");
        });

        try (FineTuningClient client = gateway.client().build()) {
            var estimate = client.estimate(JobRequest.builder().jobName("a").baseModel("m").trainingData("ds-1").build());
            assertThat(estimate.auto().provider()).isNull();
        }
        assertThat(bodies.getFirst()).isEqualTo("{\"job_name\":\"a\",\"base_model\":\"m\",\"training_data\":\"ds-1\"}");
    }

    @Test
    void aCancelIsNotRetried() {
        gateway.on("/v1/jobs/j1/cancel", exchange -> StubGateway.json(exchange, 503, "{\"status\":503}"));

        try (FineTuningClient client = gateway.client().build()) {
            assertThatThrownBy(() -> client.cancelJob("j1")).isInstanceOf(ServerException.class);
        }
        assertThat(gateway.seen).hasSize(1);
    }

    @Test
    void listingSendsTheFiltersAndFollowsCursors() {
        gateway.on("/v1/jobs", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String page = query.contains("cursor=c1")
                    ? "{\"object\":\"list\",\"data\":[" + JOB.replace("\"j1\"", "\"j3\"") + "],\"has_more\":false}"
                    : "{\"object\":\"list\",\"data\":[" + JOB + "," + JOB.replace("\"j1\"", "\"j2\"")
                    + "],\"has_more\":true,\"next_cursor\":\"c1\"}";
            StubGateway.json(exchange, 200, page);
        });
        JobListQuery query = JobListQuery.all().status(JobStatus.RUNNING, JobStatus.QUEUED).provider("sandbox")
                .jobName("support bot").limit(2);

        try (FineTuningClient client = gateway.client().build()) {
            Page<Job> first = client.listJobs(query);
            assertThat(first.hasMore()).isTrue();
            assertThat(first.nextCursor()).isEqualTo("c1");
            assertThat(client.allJobs(query).map(Job::id).toList()).containsExactly("j1", "j2", "j3");
        }
        assertThat(gateway.seen).extracting(StubGateway.Seen::query).containsExactly(
                "status=running%2Cqueued&provider=sandbox&job_name=support+bot&limit=2",
                "status=running%2Cqueued&provider=sandbox&job_name=support+bot&limit=2",
                "status=running%2Cqueued&provider=sandbox&job_name=support+bot&limit=2&cursor=c1");
    }

    @Test
    void aJobsProgressIsReadWhenGivenAndNullWhenNotOrAbsent() {
        gateway.on("/v1/jobs/j1", exchange -> StubGateway.json(exchange, 200,
                JOB.replace("\"provider_status\":\"RUNNING\",", "\"provider_status\":\"RUNNING\",\"progress\":0.35,")));
        gateway.on("/v1/jobs/j2", exchange -> StubGateway.json(exchange, 200,
                JOB.replace("\"provider_status\":\"RUNNING\",", "\"provider_status\":\"RUNNING\",\"progress\":null,")));
        gateway.on("/v1/jobs/j3", exchange -> StubGateway.json(exchange, 200, JOB)); // an older gateway

        try (FineTuningClient client = gateway.client().build()) {
            assertThat(client.getJob("j1").progress()).isEqualTo(0.35);
            assertThat(client.getJob("j2").progress()).isNull();
            assertThat(client.getJob("j3").progress()).isNull();
        }
    }

    @Test
    void aStatusFromANewerGatewayReadsAsUnknown() {
        gateway.on("/v1/jobs/j1", exchange -> StubGateway.json(exchange, 200,
                JOB.replace("\"running\"", "\"paused\"")));

        try (FineTuningClient client = gateway.client().build()) {
            Job job = client.getJob("j1");
            assertThat(job.status()).isEqualTo(JobStatus.UNKNOWN);
            assertThat(job.isTerminal()).isFalse();
        }
    }

    @Test
    void theKeyIsSentButNeverShown() {
        gateway.on("/v1/jobs/j1", exchange -> StubGateway.json(exchange, 401, """
                {"type":"https://tunegate.dev/problems/unauthenticated","title":"A valid API key is required",
                 "status":401,"detail":"The API key is not valid"}"""));

        try (FineTuningClient client = gateway.client().build()) {
            assertThatThrownBy(() -> client.getJob("j1")).isInstanceOf(AuthenticationException.class)
                    .message().doesNotContain("tg-secret-key");
            assertThat(client.toString()).doesNotContain("tg-secret-key").contains(gateway.url());
        }
        assertThat(gateway.seen.getFirst().authorization()).isEqualTo("Bearer tg-secret-key");
    }

    @Test
    void anUnreachableGatewayIsATransportFailure() {
        String url = gateway.url();
        gateway.close();

        try (FineTuningClient client = FineTuningClient.builder().baseUrl(url).apiKey("k").maxRetries(1)
                .retryDelay(java.time.Duration.ofMillis(1)).build()) {
            assertThatThrownBy(() -> client.getJob("j1")).isInstanceOf(TunegateTransportException.class)
                    .hasMessageStartingWith("GET /v1/jobs/j1 failed: ConnectException");
        }
    }

    @Test
    void fromEnvironmentNeedsTheKeyAndDefaultsTheUrl() {
        assertThatThrownBy(() -> FineTuningClient.fromEnvironment(Map.of()))
                .isInstanceOf(IllegalStateException.class).hasMessage("TUNEGATE_API_KEY is not set");
        try (FineTuningClient client = FineTuningClient.fromEnvironment(Map.of("TUNEGATE_API_KEY", "k"))) {
            assertThat(client.baseUrl()).isEqualTo("http://localhost:8080");
        }
        try (FineTuningClient client = FineTuningClient.fromEnvironment(
                Map.of("TUNEGATE_API_KEY", "k", "TUNEGATE_URL", "https://tg.example.com/"))) {
            assertThat(client.baseUrl()).isEqualTo("https://tg.example.com");
        }
    }

    @Test
    void aRequestMissingRequiredFieldsIsRefusedBeforeSending() {
        assertThatThrownBy(() -> JobRequest.builder().jobName("x").build())
                .isInstanceOf(IllegalStateException.class).hasMessage("A job request needs base_model, training_data");
        assertThat(JobRequest.builder().jobName("x").buildUnchecked().baseModel()).isNull();
    }
}
