package io.tunegate.webhook.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Webhook endpoints in plain SQL; every read and write is scoped to a project. */
@Repository
class EndpointStore {

    private static final String COLUMNS = "id, project_id, url, description, event_types, enabled, disabled_reason, "
            + "secret, previous_secret, previous_secret_expires_at, created_at, updated_at";

    private final JdbcClient jdbc;

    EndpointStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(EndpointRow e) {
        jdbc.sql("insert into webhook_endpoints (" + COLUMNS + ") values (?, ?, ?, ?, ?::text[], ?, ?, ?, ?, ?, ?, ?)")
                .params(e.id(), e.projectId(), e.url(), e.description(), arrayLiteral(e.eventTypes()), e.enabled(),
                        e.disabledReason(), e.secret(), e.previousSecret(), utc(e.previousSecretExpiresAt()),
                        utc(e.createdAt()), utc(e.updatedAt()))
                .update();
    }

    void update(EndpointRow e) {
        jdbc.sql("""
                        update webhook_endpoints set url = ?, description = ?, event_types = ?::text[], enabled = ?,
                            disabled_reason = ?, secret = ?, previous_secret = ?, previous_secret_expires_at = ?,
                            updated_at = ?
                        where project_id = ? and id = ?
                        """)
                .params(e.url(), e.description(), arrayLiteral(e.eventTypes()), e.enabled(), e.disabledReason(),
                        e.secret(), e.previousSecret(), utc(e.previousSecretExpiresAt()), utc(e.updatedAt()),
                        e.projectId(), e.id())
                .update();
    }

    Optional<EndpointRow> find(UUID projectId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where project_id = ? and id = ?")
                .params(projectId, id).query(EndpointStore::row).optional();
    }

    /** The endpoint locked until the transaction ends, so two changes (a rotation, a disable) cannot interleave. */
    Optional<EndpointRow> lock(UUID projectId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where project_id = ? and id = ? for update")
                .params(projectId, id).query(EndpointStore::row).optional();
    }

    Optional<EndpointRow> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where id = ?")
                .param(id).query(EndpointStore::row).optional();
    }

    void disable(UUID id, String reason, Instant at) {
        jdbc.sql("update webhook_endpoints set enabled = false, disabled_reason = ?, updated_at = ? where id = ?")
                .params(reason, utc(at), id).update();
    }

    List<EndpointRow> list(UUID projectId) {
        return jdbc.sql("select " + COLUMNS + " from webhook_endpoints where project_id = ? order by id")
                .param(projectId).query(EndpointStore::row).list();
    }

    int count(UUID projectId) {
        return jdbc.sql("select count(*) from webhook_endpoints where project_id = ?").param(projectId)
                .query(Integer.class).single();
    }

    boolean delete(UUID projectId, UUID id) {
        return jdbc.sql("delete from webhook_endpoints where project_id = ? and id = ?").params(projectId, id)
                .update() == 1;
    }

    private static OffsetDateTime utc(Instant at) {
        return at == null ? null : at.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }

    /** A PostgreSQL array literal; event types are checked names ([a-z._]), so no quoting is needed. */
    private static String arrayLiteral(List<String> values) {
        return "{" + String.join(",", values) + "}";
    }

    private static EndpointRow row(ResultSet rs, int n) throws SQLException {
        List<String> types = Arrays.stream((String[]) rs.getArray("event_types").getArray()).toList();
        return new EndpointRow(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("url"), rs.getString("description"), types, rs.getBoolean("enabled"),
                rs.getString("disabled_reason"), rs.getString("secret"), rs.getString("previous_secret"),
                instant(rs, "previous_secret_expires_at"), instant(rs, "created_at"), instant(rs, "updated_at"));
    }
}
