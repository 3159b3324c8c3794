package io.tunegate.job;

import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code POST /v1/jobs/{id}/pause} and {@code /resume} on the sandbox, which pauses like a provider would. */
class JobPauseTest extends GatewayIntegrationTest {

    /** Queued at the sandbox for 1 s, then a step every 1.8 s. */
    private static final String FIVE_STEPS = "{\"duration_seconds\": 10, \"steps\": 5}";

    private JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> api.get("/v1/jobs/" + id).json().get("status").asString().equals(status));
        return api.get("/v1/jobs/" + id).json();
    }

    private int metricPoints(String id) {
        return api.get("/v1/jobs/" + id + "/metrics").json().get("data").size();
    }

    private List<String> eventTypes(String id) {
        List<String> types = new ArrayList<>();
        api.get("/v1/jobs/" + id + "/events?limit=1000").json().get("data").forEach(e -> types.add(e.get("type").asString()));
        return types;
    }

    private static void assertProblem(TestApi.Response response, int status, String type, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("https://tunegate.dev/problems/" + type);
        assertThat(response.json().get("detail").asString()).contains(detail);
    }

    @Test
    void aPausedJobStopsTrainingUntilResumedThenSucceeds() throws InterruptedException {
        String id = api.submit(Jobs.request("pausable", FIVE_STEPS));
        awaitStatus(id, "running");
        await().atMost(Duration.ofSeconds(10)).until(() -> metricPoints(id) >= 1);

        TestApi.Response paused = api.post("/v1/jobs/" + id + "/pause", "");
        assertThat(paused.status()).as(paused.body()).isEqualTo(200);
        assertThat(paused.json().get("status").asString()).isEqualTo("paused");
        assertThat(paused.json().get("provider_status").asString()).isEqualTo("paused");
        assertThat(api.get("/v1/jobs/" + id).json().get("status").asString()).isEqualTo("paused");
        int pointsWhenPaused = metricPoints(id);
        long tokensWhenPaused = api.get("/v1/jobs/" + id).json().get("trained_tokens").asLong();

        Thread.sleep(4_000); // over two steps' time: a running job would have trained on
        JsonNode stillPaused = api.get("/v1/jobs/" + id).json();
        assertThat(stillPaused.get("status").asString()).isEqualTo("paused");
        assertThat(stillPaused.get("trained_tokens").asLong()).isEqualTo(tokensWhenPaused);
        assertThat(metricPoints(id)).isEqualTo(pointsWhenPaused).isLessThan(5);

        TestApi.Response resumed = api.post("/v1/jobs/" + id + "/resume", "");
        assertThat(resumed.status()).as(resumed.body()).isEqualTo(200);
        assertThat(resumed.json().get("status").asString()).isEqualTo("running");
        assertThat(resumed.json().get("provider_status").asString()).isEqualTo("training");

        JsonNode done = awaitStatus(id, "succeeded");
        assertThat(done.get("fine_tuned_model").asString()).startsWith("sandbox:");
        assertThat(metricPoints(id)).isEqualTo(5);
        assertThat(eventTypes(id)).containsSubsequence("paused", "resumed", "status_changed")
                .containsOnlyOnce("paused", "resumed");
        JsonNode pausedEvent = api.get("/v1/jobs/" + id + "/events?limit=1000").json().get("data").valueStream()
                .filter(e -> e.get("type").asString().equals("paused")).findFirst().orElseThrow();
        assertThat(pausedEvent.get("status").asString()).isEqualTo("paused");
        assertThat(pausedEvent.get("provider_status").asString()).isEqualTo("paused");
        assertThat(pausedEvent.get("data").get("from").asString()).isEqualTo("running");
    }

    @Test
    void onlyARunningJobCanBePausedAndOnlyAPausedOneResumed() {
        // queued at the sandbox for 12 s: at the provider, not training yet
        String id = api.submit(Jobs.request("queued", "{\"duration_seconds\": 120}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode job = api.get("/v1/jobs/" + id).json();
            return job.get("status").asString().equals("queued") && !job.get("provider_job_id").isNull();
        });
        assertProblem(api.post("/v1/jobs/" + id + "/pause", ""), 409, "conflict", "only a running job can be paused");
        assertProblem(api.post("/v1/jobs/" + id + "/resume", ""), 409, "conflict", "only a paused job can be resumed");
        assertThat(eventTypes(id)).doesNotContain("paused", "pause_requested");

        String running = api.submit(Jobs.request("running", "{\"duration_seconds\": 60}"));
        awaitStatus(running, "running");
        assertProblem(api.post("/v1/jobs/" + running + "/resume", ""), 409, "conflict", "not paused");
        TestApi.Response first = api.post("/v1/jobs/" + running + "/pause", "");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("status").asString()).isEqualTo("paused");
        assertProblem(api.post("/v1/jobs/" + running + "/pause", ""), 409, "conflict", "already paused");

        assertProblem(api.post("/v1/jobs/" + UUID.randomUUID() + "/pause", ""), 404, "not-found", "not found");
        assertProblem(api.post("/v1/jobs/not-a-job/resume", ""), 404, "not-found", "not found");
        // another project's job is not found either
        TestApi other = TestApi.newProject(port, projects);
        assertProblem(other.post("/v1/jobs/" + running + "/resume", ""), 404, "not-found", "not found");
        assertThat(api.get("/v1/jobs/" + running).json().get("status").asString()).isEqualTo("paused");

        assertThat(api.post("/v1/jobs/" + id + "/cancel", "").status()).isEqualTo(200);
        awaitStatus(id, "cancelled");
        assertProblem(api.post("/v1/jobs/" + id + "/pause", ""), 409, "conflict", "already ended");
        api.post("/v1/jobs/" + running + "/cancel", "");
    }

    @Test
    void aPausedJobCanBeCancelledAndIsListedAsPaused() {
        String id = api.submit(Jobs.request("cancel-paused", "{\"duration_seconds\": 60}"));
        awaitStatus(id, "running");
        assertThat(api.post("/v1/jobs/" + id + "/pause", "").status()).isEqualTo(200);
        assertThat(api.get("/v1/jobs?status=paused").json().get("data")).singleElement()
                .satisfies(j -> assertThat(j.get("id").asString()).isEqualTo(id));

        TestApi.Response cancel = api.post("/v1/jobs/" + id + "/cancel", "");
        assertThat(cancel.status()).isEqualTo(200);
        JsonNode cancelled = awaitStatus(id, "cancelled");
        assertThat(cancelled.get("provider_status").asString()).isEqualTo("cancelled");
        assertThat(eventTypes(id)).containsSubsequence("paused", "status_changed");
    }
}
