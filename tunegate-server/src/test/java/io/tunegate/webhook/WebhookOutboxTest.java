package io.tunegate.webhook;

import io.tunegate.budget.BudgetThresholdReached;
import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.Jobs;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Domain events become outbox rows in the transaction of the change they announce. */
class WebhookOutboxTest extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    private ApplicationEventPublisher events;
    @Autowired
    private TransactionTemplate transactions;

    private String endpoint(String body) {
        var created = api.post("/v1/webhook-endpoints", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private record Row(String eventType, String messageId, String jobUrl, JsonNode payload) {
    }

    private List<Row> rows(String endpointId) {
        return jdbc.sql("select event_type, message_id, job_url, payload from webhook_deliveries "
                        + "where endpoint_id = ?::uuid order by created_at, id")
                .param(endpointId)
                .query((rs, n) -> new Row(rs.getString("event_type"), rs.getString("message_id"),
                        rs.getString("job_url"), JSON.readTree(rs.getString("payload"))))
                .list();
    }

    private String finishedJob(String body) {
        var created = api.post("/v1/jobs", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/v1/jobs/" + id).json().get("status").asString().equals("succeeded"));
        return id;
    }

    @Test
    void aJobsLifeWritesOneRowPerEventEachWithTheJobAsItWasThen() {
        String all = endpoint("{\"url\": \"http://127.0.0.1:9/all\"}");
        String endings = endpoint("{\"url\": \"http://127.0.0.1:9/end\", \"event_types\": [\"job.succeeded\"]}");
        String off = endpoint("{\"url\": \"http://127.0.0.1:9/off\"}");
        assertThat(api.send(api.request("/v1/webhook-endpoints/" + off).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"enabled\": false}")).build()).status())
                .isEqualTo(200);

        String jobId = finishedJob(Jobs.request("outbox-life"));
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(all).stream()
                .anyMatch(r -> r.eventType().equals("model.version_created")));

        List<Row> seen = rows(all);
        assertThat(seen).extracting(Row::eventType)
                .containsExactly("job.queued", "job.running", "job.succeeded", "model.version_created");
        for (Row row : seen.subList(0, 3)) {
            assertThat(row.payload().get("type").asString()).isEqualTo(row.eventType());
            assertThat(Instant.parse(row.payload().get("timestamp").asString())).isBefore(Instant.now());
            assertThat(row.payload().get("data").get("id").asString()).isEqualTo(jobId);
            assertThat(row.payload().get("data").get("object").asString()).isEqualTo("job");
            assertThat(row.messageId()).startsWith("msg_");
            assertThat(row.jobUrl()).isNull();
        }
        // the data is the job as it was when the event happened, read inside that transaction
        assertThat(seen.get(0).payload().get("data").get("status").asString()).isEqualTo("queued");
        assertThat(seen.get(1).payload().get("data").get("status").asString()).isEqualTo("running");
        assertThat(seen.get(2).payload().get("data").get("status").asString()).isEqualTo("succeeded");
        assertThat(seen.get(2).payload().get("data").get("fine_tuned_model").asString()).isNotBlank();
        JsonNode model = seen.get(3).payload().get("data");
        assertThat(model.get("job_id").asString()).isEqualTo(jobId);
        assertThat(model.get("version").asInt()).isEqualTo(1);
        assertThat(seen).extracting(Row::messageId).doesNotHaveDuplicates();

        List<Row> filtered = rows(endings);
        assertThat(filtered).extracting(Row::eventType).containsExactly("job.succeeded");
        // one event, one webhook-id for every receiver
        assertThat(filtered.getFirst().messageId()).isEqualTo(seen.get(2).messageId());
        assertThat(rows(off)).isEmpty();
    }

    @Test
    void aJobsWebhookUrlGetsItsEventsUnderTheDefaultEndpoint() {
        String first = endpoint("{\"url\": \"http://127.0.0.1:9/models\", \"event_types\": [\"model.version_created\"]}");
        endpoint("{\"url\": \"http://127.0.0.1:9/second\", \"event_types\": [\"budget.threshold_reached\"]}");

        finishedJob(Jobs.request("outbox-url").replace("\"provider\":",
                "\"webhook_url\": \"http://127.0.0.1:9/job\", \"provider\":"));

        await().atMost(Duration.ofSeconds(10)).until(() -> rows(first).size() == 4);
        List<Row> seen = rows(first);
        assertThat(seen).filteredOn(r -> r.jobUrl() != null).extracting(Row::eventType)
                .containsExactly("job.queued", "job.running", "job.succeeded");
        assertThat(seen).filteredOn(r -> r.jobUrl() != null).extracting(Row::jobUrl)
                .containsOnly("http://127.0.0.1:9/job");
        assertThat(seen).filteredOn(r -> r.jobUrl() == null).extracting(Row::eventType)
                .containsExactly("model.version_created");
    }

    @Test
    void aRolledBackChangeLeavesNoRowAndACommittedOneLeavesItsRow() {
        String all = endpoint("{\"url\": \"http://127.0.0.1:9/all\"}");
        UUID project = jdbc.sql("select project_id from webhook_endpoints where id = ?::uuid").param(all)
                .query(UUID.class).single();
        BudgetThresholdReached reached = new BudgetThresholdReached(project, UUID.randomUUID(), "monthly",
                LocalDate.now(), 80, new BigDecimal("10.00"), new BigDecimal("8.50"), UUID.randomUUID(), Instant.now());

        transactions.executeWithoutResult(tx -> {
            events.publishEvent(reached);
            assertThat(rows(all)).hasSize(1); // written inside the publisher's transaction...
            tx.setRollbackOnly();
        });
        assertThat(rows(all)).isEmpty();   // ...and gone with it

        transactions.executeWithoutResult(tx -> events.publishEvent(reached));
        List<Row> seen = rows(all);
        assertThat(seen).extracting(Row::eventType).containsExactly("budget.threshold_reached");
        assertThat(seen.getFirst().payload().get("data").get("threshold").asInt()).isEqualTo(80);
        assertThat(seen.getFirst().payload().get("data").get("used_usd").decimalValue())
                .isEqualByComparingTo("8.50");
    }
}
