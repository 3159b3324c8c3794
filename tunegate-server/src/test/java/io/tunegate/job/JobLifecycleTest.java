package io.tunegate.job;

import io.tunegate.job.tracking.JobTracker;
import io.tunegate.support.GatewayIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Jobs submitted over HTTP, run by the sandbox, followed by the tracker, stored in PostgreSQL. */
class JobLifecycleTest extends GatewayIntegrationTest {

    @Autowired
    JobTracker tracker;



    private JsonNode awaitStatus(String id, String status) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/v1/jobs/" + id).json().get("status").asString().equals(status));
        return api.get("/v1/jobs/" + id).json();
    }

    private List<JsonNode> events(String id) {
        List<JsonNode> events = new ArrayList<>();
        api.get("/v1/jobs/" + id + "/events?limit=1000").json().get("data").forEach(events::add);
        return events;
    }

    @Test
    void aRunningJobShowsItsProvidersProgressInItsView() {
        // 20 steps over 20 s: the sandbox reports steps done of total on every poll
        TestApi.Response created = api.post("/v1/jobs", Jobs.request("progress-view",
                "{\"duration_seconds\": 20, \"steps\": 20}"));
        JsonNode job = created.json();
        assertThat(job.has("progress")).isTrue();
        assertThat(job.get("progress").isNull()).isTrue();
        String id = job.get("id").asString();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/v1/jobs/" + id).json().get("progress").asDouble(0) > 0);
        JsonNode running = api.get("/v1/jobs/" + id).json();
        double progress = running.get("progress").asDouble();
        assertThat(progress).isGreaterThan(0).isLessThan(1);
        // a multiple of 1/20: steps done of total, as the provider counted them
        assertThat(progress * 20).isCloseTo(Math.rint(progress * 20), org.assertj.core.data.Offset.offset(1e-9));
        // the list shows the same column
        assertThat(api.get("/v1/jobs?job_name=progress-view").json().get("data").get(0).get("progress").asDouble())
                .isGreaterThanOrEqualTo(progress);

        assertThat(api.post("/v1/jobs/" + id + "/cancel", "").status()).isEqualTo(200);
        JsonNode cancelled = awaitStatus(id, "cancelled");
        // a cancelled job keeps how far it got
        assertThat(cancelled.get("progress").asDouble()).isGreaterThanOrEqualTo(progress).isLessThan(1);
    }

    @Test
    void aJobRunsToSuccessAndItsModelIsRegisteredWithLineage() {
        TestApi.Response created = api.post("/v1/jobs", Jobs.request("support-bot"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode job = created.json();
        assertThat(job.get("status").asString()).isEqualTo("validating");
        assertThat(job.get("provider").asString()).isEqualTo("sandbox");
        // the sandbox's test price: 2 USD per 1M tokens, for the dataset's tokens x 2 epochs
        long datasetTokens = api.get("/v1/datasets/" + api.dataset()).json().get("report").get("tokens").get("total").asLong();
        assertThat(job.get("estimated_cost_usd").decimalValue())
                .isEqualByComparingTo(java.math.BigDecimal.valueOf(datasetTokens * 2 * 2, 6));
        assertThat(job.get("created_at").asString()).endsWith("Z");
        assertThat(created.header("Location")).isEqualTo("/v1/jobs/" + job.get("id").asString());
        String id = job.get("id").asString();

        JsonNode done = awaitStatus(id, "succeeded");
        assertThat(done.get("provider_status").asString()).isEqualTo("completed");
        assertThat(done.get("fine_tuned_model").asString()).startsWith("sandbox:meta-llama/Llama-3.1-8B-Instruct:");
        assertThat(done.get("trained_tokens").asLong()).isPositive();
        assertThat(done.get("progress").asDouble()).isEqualTo(1.0);
        assertThat(done.get("started_at").isNull()).isFalse();
        assertThat(done.get("finished_at").isNull()).isFalse();
        assertThat(done.get("metadata").get("team").asString()).isEqualTo("search");

        List<JsonNode> events = events(id);
        assertThat(events).extracting(e -> e.get("seq").asInt())
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, events.size()).boxed().toList());
        assertThat(events.getFirst().get("type").asString()).isEqualTo("created");
        assertThat(events.getLast().get("type").asString()).isEqualTo("status_changed");
        assertThat(events.getLast().get("status").asString()).isEqualTo("succeeded");
        assertThat(events).extracting(e -> e.get("status").asString())
                .containsSubsequence("validating", "queued", "submitting", "running", "succeeded");
        assertThat(events).anySatisfy(e -> assertThat(e.get("message").asString()).startsWith("Step 4/4"));

        JsonNode metrics = api.get("/v1/jobs/" + id + "/metrics").json().get("data");
        assertThat(metrics).hasSize(4);
        for (int i = 1; i < metrics.size(); i++) {
            assertThat(metrics.get(i).get("step").asInt()).isEqualTo(i + 1);
            assertThat(metrics.get(i).get("train_loss").asDouble())
                    .isLessThan(metrics.get(i - 1).get("train_loss").asDouble());
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> api.get("/v1/models/support-bot").status() == 200);
        JsonNode model = api.get("/v1/models/support-bot").json();
        JsonNode version = model.get("latest_version");
        assertThat(model.get("version_count").asInt()).isEqualTo(1);
        assertThat(version.get("version").asInt()).isEqualTo(1);
        assertThat(version.get("job_id").asString()).isEqualTo(id);
        assertThat(version.get("provider").asString()).isEqualTo("sandbox");
        assertThat(version.get("provider_model_id").asString()).isEqualTo(done.get("fine_tuned_model").asString());
        assertThat(version.get("base_model").asString()).isEqualTo("meta-llama/Llama-3.1-8B-Instruct");
        assertThat(version.get("training_data").asString()).isEqualTo(api.dataset());
        assertThat(version.get("hyperparameters").get("n_epochs").asInt()).isEqualTo(2);
        assertThat(version.get("cost_usd").decimalValue())
                .isEqualByComparingTo(java.math.BigDecimal.valueOf(done.get("trained_tokens").asLong() * 2, 6));

        String second = api.submit(Jobs.request("support-bot"));
        awaitStatus(second, "succeeded");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                api.get("/v1/models/support-bot/versions").json().get("data").size() == 2);
        JsonNode versions = api.get("/v1/models/support-bot/versions").json().get("data");
        assertThat(versions.get(0).get("version").asInt()).isEqualTo(2);
        assertThat(versions.get(0).get("job_id").asString()).isEqualTo(second);
        assertThat(api.get("/v1/models").json().get("data")).extracting(m -> m.get("name").asString())
                .containsExactly("support-bot");
    }

    @Test
    void aFailingJobEndsFailedWithTheProvidersReason() {
        String id = api.submit(Jobs.request("fails", "{\"outcome\": \"fail\"}"));
        JsonNode failed = awaitStatus(id, "failed");
        assertThat(failed.get("provider_status").asString()).isEqualTo("error");
        assertThat(failed.get("error").get("code").asString()).isEqualTo("sandbox_training_failed");
        assertThat(failed.get("error").get("message").asString()).contains("failed at step 2");
        assertThat(api.get("/v1/models/fails").status()).isEqualTo(404);
    }

    @Test
    void cancellingARunningJobStopsItAtTheProvider() {
        String id = api.submit(Jobs.request("long", "{\"duration_seconds\": 120}"));
        awaitStatus(id, "running");
        TestApi.Response cancel = api.post("/v1/jobs/" + id + "/cancel", "");
        assertThat(cancel.status()).isEqualTo(200);
        assertThat(cancel.json().get("status").asString()).isIn("cancelling", "cancelled");

        JsonNode cancelled = awaitStatus(id, "cancelled");
        assertThat(cancelled.get("provider_status").asString()).isEqualTo("cancelled");
        String providerJob = cancelled.get("provider_job_id").asString();
        assertThat(jdbc.sql("select cancelled_at is not null from sandbox_jobs where id = ?").param(providerJob)
                .query(Boolean.class).single()).isTrue();

        TestApi.Response again = api.post("/v1/jobs/" + id + "/cancel", "");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).endsWith("/conflict");
    }

    @Test
    void aReadRightAfterAChangeSeesTheChange() {
        String id = api.submit(Jobs.request("fresh-read", "{\"duration_seconds\": 120}"));
        awaitStatus(id, "running");
        for (int i = 0; i < 20; i++) {
            api.get("/v1/jobs/" + id); // keep the view cached
        }
        assertThat(api.post("/v1/jobs/" + id + "/cancel", "").status()).isEqualTo(200);
        assertThat(api.get("/v1/jobs/" + id).json().get("status").asString()).isIn("cancelling", "cancelled");
    }

    @Test
    void aJobThatNeverReachedItsProviderIsCancelledWithoutOne() {
        String id = api.submit(Jobs.request("never", "{\"submit_error\": \"transient\"}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> events(id).stream()
                .anyMatch(e -> e.get("type").asString().equals("submission_retry")));
        assertThat(api.post("/v1/jobs/" + id + "/cancel", "").status()).isEqualTo(200);
        JsonNode cancelled = awaitStatus(id, "cancelled");
        assertThat(cancelled.get("provider_job_id").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from sandbox_jobs where client_token = ?").param(id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void transientProviderErrorsAreRetriedUntilTheJobSucceeds() {
        String id = api.submit(Jobs.request("flaky", "{\"transient_errors\": 2}"));
        awaitStatus(id, "succeeded");
        assertThat(events(id)).filteredOn(e -> e.get("type").asString().equals("submission_retry")).hasSize(2);
        assertThat(jdbc.sql("select count(*) from sandbox_jobs where client_token = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aJobCreatedByASubmissionThatTimedOutIsAdoptedNotSubmittedAgain() {
        String id = api.submit(Jobs.request("lost-answer", "{\"lose_submit_answers\": 1}"));
        awaitStatus(id, "succeeded");
        assertThat(jdbc.sql("select count(*) from sandbox_jobs where client_token = ?").param(id)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(events(id)).anySatisfy(e -> assertThat(e.get("message").asString()).startsWith("Found sandbox job"));
        assertThat(events(id)).filteredOn(e -> e.get("status").asString().equals("submitting")).hasSize(1);
    }

    @Test
    void cancellingAfterALostSubmissionCancelsTheJobThatWasCreated() {
        String id = api.submit(Jobs.request("lost-then-cancelled",
                "{\"lose_submit_answers\": 1, \"duration_seconds\": 120, \"latency_ms\": 300}"));
        await().atMost(Duration.ofSeconds(10)).until(() -> events(id).stream()
                .anyMatch(e -> e.get("type").asString().equals("submission_retry")));
        api.post("/v1/jobs/" + id + "/cancel", "");
        JsonNode cancelled = awaitStatus(id, "cancelled");
        assertThat(cancelled.get("provider_job_id").isNull()).isFalse();
        assertThat(jdbc.sql("select cancelled_at is not null from sandbox_jobs where client_token = ?").param(id)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void anActiveJobThatLostItsTrackerIsFoundAgain() {
        String id = api.submit(Jobs.request("orphan", "{\"duration_seconds\": 3}"));
        awaitStatus(id, "running");
        jdbc.sql("delete from scheduled_tasks where task_name = 'job-driver' and task_instance = ?").param(id).update();
        assertThat(tracker.followOrphans()).isGreaterThanOrEqualTo(1);
        awaitStatus(id, "succeeded");
    }

    @Test
    void aLargeBudgetIsStoredExactly() {
        String request = Jobs.request("big-budget").replace("\"provider\": \"sandbox\"",
                "\"provider\": \"sandbox\", \"budget_limit\": 999999999.123456");
        TestApi.Response created = api.post("/v1/jobs", request);
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(api.get("/v1/jobs/" + id).json().get("budget_limit").decimalValue())
                .isEqualByComparingTo("999999999.123456");
    }

    @Test
    void aProviderThatKeepsFailingTransientlyCountsAsRefusing() {
        String id = api.submit(Jobs.request("down", "{\"submit_error\": \"transient\"}"));
        JsonNode failed = awaitStatus(id, "failed");
        assertThat(failed.get("error").get("code").asString()).isEqualTo("provider_unavailable");
        assertThat(failed.get("error").get("message").asString()).contains("after 5 attempts");
    }

    @Test
    void aPermanentRefusalFailsTheJobOnceNoFallbackIsLeft() {
        String request = Jobs.request("refused", "{\"submit_error\": \"permanent\"}")
                .replace("\"provider\": \"sandbox\"", "\"provider\": \"sandbox\", \"fallback_providers\": [\"together\"]")
                .replace("meta-llama/Llama-3.1-8B-Instruct", "llama-3.1-8b-instruct"); // in the catalog for together
        String id = api.submit(request);
        JsonNode failed = awaitStatus(id, "failed");
        assertThat(failed.get("error").get("code").asString()).isEqualTo("invalid_request");
        assertThat(failed.get("error").get("message").asString()).contains("sandbox refused the job");
        assertThat(events(id).getFirst().get("message").asString()).contains("together is not enabled");
    }

    @Test
    void noUsableProviderIsARefusalNotAJob() {
        String request = Jobs.request("nowhere").replace("\"provider\": \"sandbox\"", "\"provider\": \"openai\"")
                .replace("meta-llama/Llama-3.1-8B-Instruct", "gpt-4o-mini");
        long before = jdbc.sql("select count(*) from jobs").query(Long.class).single();
        TestApi.Response refused = api.post("/v1/jobs", request);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).endsWith("/no-provider");
        assertThat(refused.json().get("detail").asString()).contains("openai is not enabled").contains("sandbox");
        assertThat(jdbc.sql("select count(*) from jobs").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aModelItsProviderNoLongerTrainsIsRefusedNamingTheDateAndTheAlternatives() {
        String request = Jobs.request("retired").replace("\"provider\": \"sandbox\"", "\"provider\": \"anthropic\"")
                .replace("meta-llama/Llama-3.1-8B-Instruct", "claude-3-haiku");
        TestApi.Response refused = api.post("/v1/jobs", request);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("detail").asString()).contains("2026-09-10").contains("sandbox");
        assertThat(refused.json().get("alternatives").toString()).isEqualTo("[\"sandbox\"]");
    }
}
