package io.tunegate.webhook.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The outbox ({@code webhook_deliveries}) and the attempts made for each row, in plain SQL. */
@Repository
class DeliveryStore {

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
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

    static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }
}
