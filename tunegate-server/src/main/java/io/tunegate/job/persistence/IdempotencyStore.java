package io.tunegate.job.persistence;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

/** Idempotency-Key records: the first answer given for a (project, key). */
@Repository
public class IdempotencyStore {

    public record Entry(byte[] requestHash, UUID jobId, int responseStatus, String responseBody) {
    }

    private final JdbcClient jdbc;

    IdempotencyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Entry> find(UUID projectId, String key) {
        return jdbc.sql("""
                        select request_hash, job_id, response_status, response_body from idempotency_keys
                        where project_id = ? and idem_key = ?""")
                .params(projectId, key)
                .query((rs, i) -> new Entry(rs.getBytes(1), rs.getObject(2, UUID.class), rs.getInt(3), rs.getString(4)))
                .optional();
    }

    /** Plain insert: a concurrent request with the same key makes this fail once the other commits. */
    public void insert(UUID projectId, String key, Entry entry, Instant now) {
        jdbc.sql("""
                        insert into idempotency_keys (project_id, idem_key, request_hash, job_id, response_status,
                                                      response_body, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(projectId, key, entry.requestHash(), entry.jobId(), entry.responseStatus(),
                        entry.responseBody(), now.atOffset(ZoneOffset.UTC))
                .update();
    }

    public int deleteOlderThan(Instant cutoff) {
        return jdbc.sql("delete from idempotency_keys where created_at < ?")
                .param(cutoff.atOffset(ZoneOffset.UTC)).update();
    }
}
