package io.tunegate.job;

import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;

import io.tunegate.job.persistence.IdempotencyStore;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class IdempotencyTest extends GatewayIntegrationTest {

    @Autowired
    IdempotencyStore keys;
    @Autowired
    JobSettings settings;



    private int jobsNamed(String name) {
        return api.get("/v1/jobs?job_name=" + name).json().get("data").size();
    }

    @Test
    void theSameKeyAndBodyReturnTheFirstAnswer() {
        TestApi.Response first = api.post("/v1/jobs", Jobs.request("idem"), "Idempotency-Key", "key-1");
        TestApi.Response second = api.post("/v1/jobs", Jobs.request("idem"), "Idempotency-Key", "key-1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(jobsNamed("idem")).isEqualTo(1);
    }

    @Test
    void fieldOrderAndSpacingDoNotMakeADifferentRequest() {
        String body = "{\"job_name\":\"order\",\"base_model\":\"m\",\"training_data\":\"{{sample-dataset}}\",\"metadata\":{\"a\":\"1\",\"b\":\"2\"}}";
        String reordered = "{ \"training_data\": \"{{sample-dataset}}\", \"metadata\": {\"b\":\"2\",\"a\":\"1\"},\n \"base_model\": \"m\", \"job_name\": \"order\" }";
        String first = api.post("/v1/jobs", body, "Idempotency-Key", "k").json().get("id").asString();
        TestApi.Response again = api.post("/v1/jobs", reordered, "Idempotency-Key", "k");
        assertThat(again.json().get("id").asString()).isEqualTo(first);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedAndCreatesNothing() {
        String first = api.post("/v1/jobs", Jobs.request("one"), "Idempotency-Key", "key-2").json().get("id").asString();
        TestApi.Response other = api.post("/v1/jobs", Jobs.request("two"), "Idempotency-Key", "key-2");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.header("Content-Type")).startsWith("application/problem+json");
        assertThat(other.json().get("type").asString()).endsWith("/idempotency-key-reused");
        assertThat(other.json().get("detail").asString()).contains(first);
        assertThat(jobsNamed("two")).isZero();
    }

    @Test
    void keysBelongToTheirProject() {
        TestApi other = TestApi.newProject(port, projects);
        String mine = api.post("/v1/jobs", Jobs.request("mine"), "Idempotency-Key", "shared").json().get("id").asString();
        String theirs = other.post("/v1/jobs", Jobs.request("mine"), "Idempotency-Key", "shared").json().get("id").asString();
        assertThat(theirs).isNotEqualTo(mine);
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOneJob() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<TestApi.Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> api.post("/v1/jobs", Jobs.request("race"), "Idempotency-Key", "race-key"));
            }
            List<String> ids = new ArrayList<>();
            for (Future<TestApi.Response> f : pool.invokeAll(calls)) {
                TestApi.Response r = f.get();
                assertThat(r.status()).isEqualTo(201);
                ids.add(r.json().get("id").asString());
            }
            assertThat(ids).containsOnly(ids.getFirst());
            assertThat(jobsNamed("race")).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void keysAreForgottenAfterTheRetentionOnly() {
        TestApi.Response first = api.post("/v1/jobs", Jobs.request("kept"), "Idempotency-Key", "kept-key");
        keys.deleteOlderThan(Instant.now().minus(settings.idempotencyKeyRetention()));
        TestApi.Response replay = api.post("/v1/jobs", Jobs.request("kept"), "Idempotency-Key", "kept-key");
        assertThat(replay.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(settings.idempotencyKeyRetention()).isGreaterThanOrEqualTo(Duration.ofHours(24));

        keys.deleteOlderThan(Instant.now().plusSeconds(1));
        TestApi.Response fresh = api.post("/v1/jobs", Jobs.request("kept"), "Idempotency-Key", "kept-key");
        assertThat(fresh.header("Idempotent-Replayed")).isNull();
        assertThat(fresh.json().get("id").asString()).isNotEqualTo(first.json().get("id").asString());
    }

    @Test
    void anOverlongKeyIsBadInput() {
        TestApi.Response r = api.post("/v1/jobs", Jobs.request("long-key"), "Idempotency-Key", "x".repeat(300));
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().get("errors").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }
}
