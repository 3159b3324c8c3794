package io.tunegate.webhook;

import com.standardwebhooks.Webhook;
import io.tunegate.budget.BudgetThresholdReached;
import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import io.tunegate.webhook.WebhookReceiver.Answer;
import io.tunegate.webhook.WebhookReceiver.Received;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Deliveries to a real receiver on loopback: signatures, retries, Retry-After, 410, redirects, redelivery. */
class WebhookDeliveryTest extends GatewayIntegrationTest {

    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private TransactionTemplate transactions;

    private WebhookReceiver receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    private JsonNode endpoint(String path, String... eventTypes) {
        String types = eventTypes.length == 0 ? "" : ", \"event_types\": [\"" + String.join("\", \"", eventTypes) + "\"]";
        var created = api.post("/v1/webhook-endpoints", "{\"url\": \"" + receiver.url(path) + "\"" + types + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private TestApi.Response patch(String path, String body) {
        return api.send(api.request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** Publishes a budget alert for the endpoint's project, committed like the budget module would. */
    private void budgetAlert(JsonNode endpoint) {
        UUID project = jdbc.sql("select project_id from webhook_endpoints where id = ?::uuid")
                .param(endpoint.get("id").asString()).query(UUID.class).single();
        transactions.executeWithoutResult(tx -> events.publishEvent(new BudgetThresholdReached(project,
                UUID.randomUUID(), "monthly", LocalDate.now(), 80, new BigDecimal("10"), new BigDecimal("8.1"),
                UUID.randomUUID(), Instant.now())));
    }

    private JsonNode deliveries(JsonNode endpoint) {
        var listed = api.get("/v1/webhook-endpoints/" + endpoint.get("id").asString() + "/deliveries");
        assertThat(listed.status()).as(listed.body()).isEqualTo(200);
        return listed.json().get("data");
    }

    private static void verify(String secret, Received r) throws Exception {
        new Webhook(secret).verify(r.body(), Map.of(
                "webhook-id", List.of(r.header("webhook-id")),
                "webhook-timestamp", List.of(r.header("webhook-timestamp")),
                "webhook-signature", List.of(r.header("webhook-signature"))));
    }

    @Test
    void aJobsEventsArriveSignedAndVerifiableWithTheStandardLibrary() throws Exception {
        JsonNode endpoint = endpoint("/jobs", "job.queued", "job.running", "job.succeeded");
        String secret = endpoint.get("secret").asString();

        String jobId = api.submit(Jobs.request("delivered"));
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received("/jobs").size() == 3);

        List<Received> got = receiver.received("/jobs");
        for (Received r : got) {
            verify(secret, r);
            assertThat(r.header("content-type")).startsWith("application/json");
            assertThat(r.header("webhook-signature")).startsWith("v1,");
        }
        assertThat(got).extracting(r -> r.body().replaceAll(".*\"type\":\"([a-z._]+)\".*", "$1"))
                .containsExactlyInAnyOrder("job.queued", "job.running", "job.succeeded");
        assertThat(got).allSatisfy(r -> assertThat(r.body()).contains("\"id\":\"" + jobId + "\""));

        await().atMost(Duration.ofSeconds(10)).until(() -> {
            JsonNode list = deliveries(endpoint);
            return list.size() == 3 && list.valueStream().allMatch(d -> d.get("status").asString().equals("succeeded"));
        });
        for (JsonNode d : deliveries(endpoint)) {
            assertThat(d.get("object").asString()).isEqualTo("webhook_delivery");
            assertThat(d.get("attempts")).hasSize(1);
            JsonNode attempt = d.get("attempts").get(0);
            assertThat(attempt.get("succeeded").asBoolean()).isTrue();
            assertThat(attempt.get("response_code").asInt()).isEqualTo(204);
            assertThat(attempt.get("latency_ms").asLong()).isGreaterThanOrEqualTo(0);
            assertThat(got).extracting(r -> r.header("webhook-id")).contains(d.get("message_id").asString());
        }
    }

    @Test
    void aFailedAttemptIsRetriedAfterFiveSecondsWithTheSameWebhookId() throws Exception {
        receiver.then(Answer.of(500));
        JsonNode endpoint = endpoint("/flaky", "budget.threshold_reached");

        budgetAlert(endpoint);
        await().atMost(Duration.ofSeconds(20)).until(() -> receiver.received("/flaky").size() == 2);

        List<Received> got = receiver.received("/flaky");
        assertThat(got.get(0).header("webhook-id")).isEqualTo(got.get(1).header("webhook-id"));
        // the schedule's second wait is 5 s (plus up to 10 % jitter)
        assertThat(Duration.between(got.get(0).at(), got.get(1).at())).isGreaterThanOrEqualTo(Duration.ofMillis(4900));
        verify(endpoint.get("secret").asString(), got.get(1));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                deliveries(endpoint).get(0).get("status").asString().equals("succeeded"));
        JsonNode attempts = deliveries(endpoint).get(0).get("attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("response_code").asInt()).isEqualTo(500);
        assertThat(attempts.get(0).get("succeeded").asBoolean()).isFalse();
        assertThat(attempts.get(1).get("response_code").asInt()).isEqualTo(204);
    }

    @Test
    void retryAfterIsHonoured() {
        receiver.then(new Answer(503, Map.of("Retry-After", "120")));
        JsonNode endpoint = endpoint("/busy", "budget.threshold_reached");

        budgetAlert(endpoint);
        await().atMost(Duration.ofSeconds(10)).until(() -> !deliveries(endpoint).get(0).get("attempts").isEmpty());

        JsonNode delivery = deliveries(endpoint).get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("pending");
        Instant attempted = Instant.parse(delivery.get("attempts").get(0).get("attempted_at").asString());
        Instant next = Instant.parse(delivery.get("next_attempt_at").asString());
        // the receiver asked for two minutes, far more than the schedule's 5 s
        assertThat(Duration.between(attempted, next)).isGreaterThanOrEqualTo(Duration.ofSeconds(119));
        assertThat(receiver.received("/busy")).hasSize(1);
    }

    @Test
    void redirectsAreNotFollowedAndGoneDisablesTheEndpoint() {
        receiver.then(new Answer(302, Map.of("Location", receiver.url("/elsewhere"))));
        JsonNode moved = endpoint("/moved", "budget.threshold_reached");
        budgetAlert(moved);
        await().atMost(Duration.ofSeconds(10)).until(() -> !deliveries(moved).get(0).get("attempts").isEmpty());
        JsonNode redirected = deliveries(moved).get(0);
        assertThat(redirected.get("attempts").get(0).get("response_code").asInt()).isEqualTo(302);
        assertThat(redirected.get("attempts").get(0).get("succeeded").asBoolean()).isFalse();
        assertThat(redirected.get("status").asString()).isEqualTo("pending");
        assertThat(receiver.received("/elsewhere")).isEmpty();
        api.send(api.request("/v1/webhook-endpoints/" + moved.get("id").asString()).DELETE().build());

        receiver.then(Answer.of(410));
        JsonNode gone = endpoint("/gone", "budget.threshold_reached");
        budgetAlert(gone);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                deliveries(gone).get(0).get("status").asString().equals("failed"));
        JsonNode shown = api.get("/v1/webhook-endpoints/" + gone.get("id").asString()).json();
        assertThat(shown.get("enabled").asBoolean()).isFalse();
        assertThat(shown.get("disabled_reason").asString()).contains("410");

        // a disabled endpoint gets no new deliveries
        budgetAlert(gone);
        assertThat(deliveries(gone)).hasSize(1);
    }

    @Test
    void aFailedDeliveryIsRedeliveredOnRequestWithItsWebhookId() throws Exception {
        receiver.then(Answer.of(410));
        JsonNode endpoint = endpoint("/again", "budget.threshold_reached");
        String base = "/v1/webhook-endpoints/" + endpoint.get("id").asString();
        budgetAlert(endpoint);
        await().atMost(Duration.ofSeconds(10)).until(() ->
                deliveries(endpoint).get(0).get("status").asString().equals("failed"));
        assertThat(patch(base, "{\"enabled\": true}").status()).isEqualTo(200);
        String deliveryId = deliveries(endpoint).get(0).get("id").asString();

        TestApi.Response retried = api.post(base + "/deliveries/" + deliveryId + "/retry", "");

        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(retried.json().get("status").asString()).isEqualTo("pending");
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/again").size() == 2);
        List<Received> got = receiver.received("/again");
        assertThat(got.get(1).header("webhook-id")).isEqualTo(got.get(0).header("webhook-id"));
        verify(endpoint.get("secret").asString(), got.get(1));
        await().atMost(Duration.ofSeconds(5)).until(() ->
                deliveries(endpoint).get(0).get("status").asString().equals("succeeded"));
        assertThat(deliveries(endpoint).get(0).get("attempts")).hasSize(2);

        assertThat(api.post(base + "/deliveries/" + UUID.randomUUID() + "/retry", "").status()).isEqualTo(404);
        TestApi other = TestApi.newProject(port, projects);
        assertThat(other.post(base + "/deliveries/" + deliveryId + "/retry", "").status()).isEqualTo(404);
        assertThat(other.get(base + "/deliveries").status()).isEqualTo(404);
    }

    @Test
    void duringARotationBothSecretsVerifyTheSameDelivery() throws Exception {
        JsonNode endpoint = endpoint("/rotating", "budget.threshold_reached");
        String old = endpoint.get("secret").asString();
        String next = patch("/v1/webhook-endpoints/" + endpoint.get("id").asString(), "{\"rotate_secret\": true}")
                .json().get("secret").asString();

        budgetAlert(endpoint);
        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.received("/rotating").size() == 1);

        Received r = receiver.received("/rotating").getFirst();
        assertThat(r.header("webhook-signature").split(" ")).hasSize(2);
        verify(old, r);
        verify(next, r);
    }
}
