package io.tunegate.job;

import io.tunegate.provider.ProviderJobChanged;
import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.GatewayTest;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Provider pushes, end to end: OpenAI's signed webhook wakes the job it names, so it is polled at once instead
 * of at its next scheduled poll; a bad signature is refused with 401 and wakes nothing. The shared context has
 * no OpenAI adapter, so the jobs are the sandbox's, their schedule pushed an hour out to make a wake visible.
 */
class ProviderPushTest extends GatewayIntegrationTest {

    @Autowired
    ApplicationEventPublisher events;

    private String activeJobAtTheProvider() {
        String id = api.submit(Jobs.request("push-" + System.nanoTime(), "{\"duration_seconds\": 2}"));
        await().atMost(Duration.ofSeconds(20)).until(() -> providerJobId(id) != null);
        return id;
    }

    private String providerJobId(String jobId) {
        return jdbc.sql("select provider_job_id from jobs where id = ?::uuid").param(jobId).query(String.class)
                .optional().orElse(null);
    }

    private String status(String jobId) {
        return jdbc.sql("select status from jobs where id = ?::uuid").param(jobId).query(String.class).single();
    }

    /** Moves the job's next poll an hour out (once no poll is running), as a slow provider's poll interval would. */
    private void nextPollInAnHour(String jobId) {
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                        update scheduled_tasks set execution_time = now() + interval '1 hour'
                        where task_name = 'job-driver' and task_instance = ? and picked = false""")
                .param(jobId).update() == 1);
    }

    private Duration untilNextPoll(String jobId) {
        OffsetDateTime next = jdbc.sql("select execution_time from scheduled_tasks where task_name = 'job-driver'"
                + " and task_instance = ?").param(jobId).query(OffsetDateTime.class).single();
        return Duration.between(Instant.now(), next.toInstant());
    }

    private TestApi.Response push(String body, String secret) throws Exception {
        String id = "wh_" + System.nanoTime();
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        String signature = Base64.getEncoder().encodeToString(
                mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        // no API key: OpenAI has none of ours
        TestApi anonymous = TestApi.withKey(port, null);
        return anonymous.send(anonymous.request("/v1/provider-webhooks/openai")
                .header("Content-Type", "application/json").header("webhook-id", id)
                .header("webhook-timestamp", timestamp).header("webhook-signature", "v1," + signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static String succeeded(String providerJobId) {
        return """
                {"id": "evt_abc", "object": "event", "created_at": %d, "type": "fine_tuning.job.succeeded",
                 "data": {"id": "%s"}}""".formatted(Instant.now().getEpochSecond(), providerJobId);
    }

    /**
     * Labels the job as OpenAI's in the database, so OpenAI's push names it; returns how to undo it (back to the
     * sandbox, woken so that it ends instead of lingering in the shared context).
     */
    private Runnable asOpenAiJob(String jobId) {
        jdbc.sql("update jobs set provider = 'openai' where id = ?::uuid").param(jobId).update();
        return () -> {
            jdbc.sql("update jobs set provider = 'sandbox' where id = ?::uuid").param(jobId).update();
            events.publishEvent(new ProviderJobChanged("sandbox", providerJobId(jobId)));
        };
    }

    @Test
    void aSignedOpenAiPushWakesTheJobItNames() throws Exception {
        String job = activeJobAtTheProvider();
        nextPollInAnHour(job);
        Runnable undo = asOpenAiJob(job);
        try {
            TestApi.Response answer = push(succeeded(providerJobId(job)), GatewayTest.OPENAI_WEBHOOK_SECRET);

            assertThat(answer.status()).isEqualTo(200);
            // polled at once: the driver ran (and, with no OpenAI adapter here, put the next look minutes out)
            await().atMost(Duration.ofSeconds(10)).until(() -> untilNextPoll(job).compareTo(Duration.ofMinutes(30)) < 0);
        } finally {
            undo.run();
        }
    }

    @Test
    void aBadSignatureIs401AndWakesNothing() throws Exception {
        String job = activeJobAtTheProvider();
        nextPollInAnHour(job);
        Runnable undo = asOpenAiJob(job);
        try {
            String wrongSecret = "whsec_" + Base64.getEncoder().encodeToString("not the configured key".getBytes());
            TestApi.Response answer = push(succeeded(providerJobId(job)), wrongSecret);

            assertThat(answer.status()).isEqualTo(401);
            assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
            assertThat(answer.json().get("type").asString()).endsWith("/invalid-signature");
            TestApi anonymous = TestApi.withKey(port, null);
            TestApi.Response unsigned = anonymous.send(anonymous.request("/v1/provider-webhooks/openai")
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(succeeded(providerJobId(job)))).build());
            assertThat(unsigned.status()).isEqualTo(401);
            Thread.sleep(1000); // a wake would have run by now (the scheduler looks every 100 ms)
            assertThat(untilNextPoll(job)).isGreaterThan(Duration.ofMinutes(50));
        } finally {
            undo.run();
        }
    }

    @Test
    void aProviderJobChangedEventRefreshesTheJobAtOnce() {
        String job = activeJobAtTheProvider();
        nextPollInAnHour(job);
        String providerJob = providerJobId(job);
        // the sandbox job ends 2 s after submission; no poll is due for an hour, so the gateway does not know
        await().pollDelay(Duration.ofMillis(2500)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertThat(status(job)).isNotEqualTo("succeeded");

        events.publishEvent(new ProviderJobChanged("sandbox", providerJob));

        await().atMost(Duration.ofSeconds(10)).until(() -> status(job).equals("succeeded"));
    }

    @Test
    void otherEventTypesAndUnknownJobsAreAcknowledged() throws Exception {
        assertThat(push("{\"id\": \"evt_1\", \"object\": \"event\", \"type\": \"batch.completed\", "
                + "\"data\": {\"id\": \"batch_1\"}}", GatewayTest.OPENAI_WEBHOOK_SECRET).status()).isEqualTo(200);
        assertThat(push(succeeded("ftjob-nobody-follows"), GatewayTest.OPENAI_WEBHOOK_SECRET).status()).isEqualTo(200);
    }
}
