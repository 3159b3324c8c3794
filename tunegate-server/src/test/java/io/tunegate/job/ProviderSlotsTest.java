package io.tunegate.job;

import io.tunegate.support.HandStartedGateway;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A provider that runs at most two of our jobs at once: the others wait in {@code queued}, say so once, and
 * start in submission order as slots free. {@code GET /v1/providers} shows the slots in use.
 */
class ProviderSlotsTest {

    private static HandStartedGateway gateway;

    @BeforeAll
    static void start() {
        gateway = HandStartedGateway.start(
                "--tunegate.providers.sandbox.max-concurrent-jobs=2",
                "--tunegate.providers.sandbox.job-duration=1500ms",
                "--tunegate.providers.sandbox.steps=2",
                "--tunegate.providers.sandbox.poll-interval=100ms");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static JsonNode sandbox(TestApi api) {
        for (JsonNode p : api.get("/v1/providers").json().get("data")) {
            if (p.get("id").asString().equals("sandbox")) {
                return p;
            }
        }
        throw new AssertionError("sandbox not listed");
    }

    private static Instant submittingAt(TestApi api, String id) {
        for (JsonNode e : api.get("/v1/jobs/" + id + "/events?limit=1000").json().get("data")) {
            if (e.get("type").asString().equals("status_changed") && e.get("status").asString().equals("submitting")) {
                return Instant.parse(e.get("created_at").asString());
            }
        }
        throw new AssertionError("job " + id + " was never submitted");
    }

    private static boolean hasEvent(TestApi api, String id, String type) {
        for (JsonNode e : api.get("/v1/jobs/" + id + "/events?limit=1000").json().get("data")) {
            if (e.get("type").asString().equals(type)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void jobsBeyondTheCapWaitInLineAndStartInSubmissionOrder() {
        TestApi api = gateway.newProject();
        String job = """
                {"job_name": "slots", "base_model": "gpt-4o-mini", "training_data": "%s", "provider": "sandbox"}"""
                .formatted(api.dataset());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(api.submit(job));
        }
        AtomicInteger mostInUse = new AtomicInteger();
        AtomicInteger mostWaiting = new AtomicInteger();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode slots = sandbox(api);
            mostInUse.accumulateAndGet(slots.get("jobs_in_use").asInt(), Math::max);
            mostWaiting.accumulateAndGet(slots.get("jobs_waiting").asInt(), Math::max);
            return ids.stream().allMatch(id -> api.get("/v1/jobs/" + id).json().get("status").asString().equals("succeeded"));
        });

        JsonNode slots = sandbox(api);
        assertThat(slots.get("max_concurrent_jobs").asInt()).isEqualTo(2);
        assertThat(slots.get("jobs_in_use").asInt()).isZero();
        assertThat(mostInUse.get()).isEqualTo(2);
        assertThat(mostWaiting.get()).isPositive();
        // the last three had to wait, and said so. In line, nobody jumps the queue: a job may start before an
        // earlier one only when both found a free slot at once (two slots: at most one such earlier job)
        assertThat(hasEvent(api, ids.get(4), "waiting_for_slot")).isTrue();
        assertThat(hasEvent(api, ids.get(0), "waiting_for_slot")).isFalse();
        List<Instant> started = ids.stream().map(id -> submittingAt(api, id)).toList();
        for (int i = 1; i < ids.size(); i++) {
            Instant mine = started.get(i);
            long overtaken = started.subList(0, i).stream().filter(earlier -> earlier.isAfter(mine)).count();
            assertThat(overtaken).as("earlier jobs that started after job %d", i).isLessThanOrEqualTo(1);
        }
        assertThat(started.get(4)).isAfterOrEqualTo(started.get(0)).isAfterOrEqualTo(started.get(1));
        // the third could only start once one of the first two had ended
        Instant thirdStarted = submittingAt(api, ids.get(2));
        Instant firstEnded = Instant.parse(api.get("/v1/jobs/" + ids.get(0)).json().get("finished_at").asString());
        Instant secondEnded = Instant.parse(api.get("/v1/jobs/" + ids.get(1)).json().get("finished_at").asString());
        assertThat(thirdStarted).isAfterOrEqualTo(firstEnded.isBefore(secondEnded) ? firstEnded : secondEnded);
    }
}
