package io.tunegate.job.persistence;

import io.tunegate.job.JobStatus;
import io.tunegate.job.domain.JobEvent;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Append-only job history, read in pages by sequence number. */
@Repository
public class JobEventStore {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<JobEvent> row;

    JobEventStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, i) -> new JobEvent(rs.getObject("job_id", UUID.class), rs.getInt("seq"),
                rs.getString("type"), JobStatus.fromWire(rs.getString("status")), rs.getString("provider_status"),
                rs.getString("message"), rs.getString("data") == null ? Map.of() : json.readValue(rs.getString("data"), MAP),
                rs.getTimestamp("created_at").toInstant());
    }

    public void append(List<JobEvent> events) {
        for (JobEvent e : events) {
            jdbc.sql("""
                            insert into job_events (job_id, seq, type, status, provider_status, message, data, created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(e.jobId(), e.seq(), e.type(), e.status().wire(), e.providerStatus(), e.message(),
                            e.data() == null || e.data().isEmpty() ? null : json.writeValueAsString(e.data()),
                            e.createdAt().atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    /** Events with seq greater than {@code afterSeq}, oldest first. */
    public List<JobEvent> after(UUID jobId, int afterSeq, int limit) {
        return jdbc.sql("select * from job_events where job_id = ? and seq > ? order by seq limit ?")
                .params(jobId, afterSeq, limit)
                .query(row).list();
    }
}
