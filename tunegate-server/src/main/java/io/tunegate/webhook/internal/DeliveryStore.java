package io.tunegate.webhook.internal;

import io.tunegate.webhook.WebhookDeliveryView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The outbox ({@code webhook_deliveries}) and the attempts made for each row, in plain SQL. */
@Repository
class DeliveryStore {

    private static final String COLUMNS = "id, project_id, endpoint_id, job_url, message_id, event_type, payload, "
            + "status, attempts, next_attempt_at, created_at, updated_at";

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A row of the outbox. */
    record Delivery(UUID id, UUID projectId, UUID endpointId, String jobUrl, String messageId, String eventType,
                    String payload, String status, int attempts, Instant nextAttemptAt, Instant createdAt,
                    Instant updatedAt) {
    }

    void insert(UUID id, UUID projectId, UUID endpointId, String jobUrl, String messageId, String eventType,
                String payload, Instant now) {
        jdbc.sql("""
                        insert into webhook_deliveries (id, project_id, endpoint_id, job_url, message_id, event_type,
                            payload, status, attempts, next_attempt_at, created_at, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?)""")
                .params(id, projectId, endpointId, jobUrl, messageId, eventType, payload, utc(now), utc(now), utc(now))
                .update();
    }

    Optional<Delivery> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_deliveries where id = ?").param(id)
                .query(DeliveryStore::row).optional();
    }

    Optional<Delivery> find(UUID projectId, UUID endpointId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_deliveries where project_id = ? and endpoint_id = ? and id = ?")
                .params(projectId, endpointId, id).query(DeliveryStore::row).optional();
    }

    /** Newest first, after the cursor (an id; ids are time-ordered); one more than asked, to tell if more exist. */
    List<Delivery> list(UUID projectId, UUID endpointId, UUID before, int limit) {
        return jdbc.sql("select " + COLUMNS + " from webhook_deliveries where project_id = ? and endpoint_id = ? "
                        + "and (?::uuid is null or id < ?::uuid) order by id desc limit ?")
                .params(projectId, endpointId, before, before, limit + 1).query(DeliveryStore::row).list();
    }

    /** Records one attempt and what it leaves: the delivery's new status and when it is next due (null: never). */
    void recordAttempt(UUID id, int attempt, Instant at, boolean succeeded, Integer responseCode, long latencyMs,
                       String error, String status, Instant nextAttemptAt) {
        jdbc.sql("""
                        insert into webhook_attempts (delivery_id, attempt, attempted_at, succeeded, response_code,
                            latency_ms, error)
                        values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
                .params(id, attempt, utc(at), succeeded, responseCode, latencyMs, error)
                .update();
        jdbc.sql("update webhook_deliveries set status = ?, attempts = ?, next_attempt_at = ?, updated_at = ? where id = ?")
                .params(status, attempt, utc(nextAttemptAt), utc(at), id)
                .update();
    }

    /** Ends a delivery without an attempt (its endpoint was disabled meanwhile). */
    void fail(UUID id, Instant at) {
        jdbc.sql("update webhook_deliveries set status = 'failed', next_attempt_at = null, updated_at = ? where id = ?")
                .params(utc(at), id).update();
    }

    /** Makes a delivery due again; its attempts so far stay counted and listed. */
    void retry(UUID id, Instant at) {
        jdbc.sql("update webhook_deliveries set status = 'pending', next_attempt_at = ?, updated_at = ? where id = ?")
                .params(utc(at), utc(at), id).update();
    }

    Map<UUID, List<WebhookDeliveryView.Attempt>> attempts(List<UUID> deliveryIds) {
        Map<UUID, List<WebhookDeliveryView.Attempt>> byDelivery = new LinkedHashMap<>();
        if (deliveryIds.isEmpty()) {
            return byDelivery;
        }
        jdbc.sql("select * from webhook_attempts where delivery_id = any(?) order by delivery_id, attempt")
                .param(deliveryIds.toArray(UUID[]::new))
                .query(rs -> {
                    byDelivery.computeIfAbsent(rs.getObject("delivery_id", UUID.class), k -> new ArrayList<>())
                            .add(new WebhookDeliveryView.Attempt(rs.getInt("attempt"), instant(rs, "attempted_at"),
                                    rs.getBoolean("succeeded"), (Integer) rs.getObject("response_code"),
                                    rs.getLong("latency_ms"), rs.getString("error")));
                });
        return byDelivery;
    }

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    private static Delivery row(ResultSet rs, int n) throws SQLException {
        return new Delivery(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getObject("endpoint_id", UUID.class), rs.getString("job_url"), rs.getString("message_id"),
                rs.getString("event_type"), rs.getString("payload"), rs.getString("status"), rs.getInt("attempts"),
                instant(rs, "next_attempt_at"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
