package io.tunegate.provider.sandbox;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The sandbox's own job table: what a provider would keep on its side. */
class SandboxJobStore {

    private static final RowMapper<SandboxJob> ROW = SandboxJobStore::map;
    private final JdbcClient jdbc;

    SandboxJobStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates the job unless one with this client token exists; returns whichever is stored. */
    SandboxJob createOnce(SandboxJob job) {
        jdbc.sql("""
                        insert into sandbox_jobs (id, client_token, base_model, outcome, steps, duration_ms,
                                                  trained_tokens, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) on conflict (client_token) do nothing""")
                .params(job.id(), job.clientToken(), job.baseModel(), job.outcome().name(), job.steps(),
                        job.duration().toMillis(), job.trainedTokens(), job.createdAt().atOffset(ZoneOffset.UTC))
                .update();
        return findByClientToken(job.clientToken()).orElseThrow();
    }

    Optional<SandboxJob> find(String id) {
        return jdbc.sql("select * from sandbox_jobs where id = ?").param(id).query(ROW).optional();
    }

    Optional<SandboxJob> findByClientToken(String token) {
        return jdbc.sql("select * from sandbox_jobs where client_token = ?").param(token).query(ROW).optional();
    }

    /**
     * Pauses ({@code pause}) or resumes the job at {@code at}: appends {@code at} to its pauses unless it is
     * paused already (resumed already); an even count of pauses means running.
     */
    void switchPause(String id, Instant at, boolean pause) {
        jdbc.sql("""
                        update sandbox_jobs set pauses = array_append(pauses, ?)
                        where id = ? and cardinality(pauses) % 2 = ?""")
                .params(at.atOffset(ZoneOffset.UTC), id, pause ? 0 : 1).update();
    }

    void markCancelled(String id, Instant at) {
        jdbc.sql("update sandbox_jobs set cancelled_at = ? where id = ? and cancelled_at is null")
                .params(at.atOffset(ZoneOffset.UTC), id).update();
    }

    private static SandboxJob map(ResultSet rs, int row) throws SQLException {
        Timestamp cancelled = rs.getTimestamp("cancelled_at");
        return new SandboxJob(rs.getString("id"), rs.getString("client_token"), rs.getString("base_model"),
                SandboxJob.Outcome.valueOf(rs.getString("outcome")), rs.getInt("steps"),
                Duration.ofMillis(rs.getLong("duration_ms")), rs.getLong("trained_tokens"),
                rs.getTimestamp("created_at").toInstant(), cancelled == null ? null : cancelled.toInstant(),
                pauses(rs.getArray("pauses")));
    }

    private static List<Instant> pauses(Array array) throws SQLException {
        if (array == null) {
            return List.of();
        }
        List<Instant> pauses = new ArrayList<>();
        try (ResultSet rs = array.getResultSet()) {
            while (rs.next()) {
                pauses.add(rs.getTimestamp(2).toInstant()); // column 1 is the index
            }
        }
        return pauses;
    }
}
