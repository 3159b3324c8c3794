package io.tunegate.job.persistence;

import io.tunegate.job.JobActivity;
import io.tunegate.job.JobStatus;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A job's events and metric points merged into one time line, newest first, paged by keyset on
 * (time, kind, key), so a page never skips or repeats an entry even when both kinds share a timestamp.
 */
@Repository
public class JobActivityReader {

    private static final TypeReference<Map<String, Object>> OBJECTS = new TypeReference<>() { };
    private static final TypeReference<Map<String, Double>> NUMBERS = new TypeReference<>() { };

    private static final String TIMELINE = """
            select 'e' as kind, seq as key, created_at as at, type, status, message, data::text as data,
                   null::numeric as epoch, null::float8 as train_loss, null::float8 as valid_loss, null::text as extra
            from job_events where job_id = :job
            union all
            select 'm', step, recorded_at, null, null, null, null, epoch, train_loss, valid_loss, extra::text
            from job_metrics where job_id = :job""";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<JobActivity> row;

    JobActivityReader(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, i) -> {
            if ("e".equals(rs.getString("kind"))) {
                String data = rs.getString("data");
                return new JobActivity.Event(rs.getInt("key"), rs.getString("type"),
                        JobStatus.fromWire(rs.getString("status")), rs.getString("message"),
                        data == null ? Map.of() : this.json.readValue(data, OBJECTS), rs.getTimestamp("at").toInstant());
            }
            BigDecimal epoch = rs.getBigDecimal("epoch");
            String extra = rs.getString("extra");
            return new JobActivity.Metric(rs.getInt("key"), epoch == null ? null : epoch.doubleValue(),
                    (Double) rs.getObject("train_loss"), (Double) rs.getObject("valid_loss"),
                    extra == null ? Map.of() : this.json.readValue(extra, NUMBERS), rs.getTimestamp("at").toInstant());
        };
    }

    /** Newest first; after {@code after} (an entry of this job) when given. */
    public List<JobActivity> newestFirst(UUID jobId, JobActivity.Position after, int limit) {
        if (after == null) {
            return jdbc.sql("select * from (" + TIMELINE + ") a order by at desc, kind desc, key desc limit :limit")
                    .param("job", jobId).param("limit", limit).query(row).list();
        }
        String at = after.metric()
                ? "(select recorded_at from job_metrics where job_id = :job and step = :key)"
                : "(select created_at from job_events where job_id = :job and seq = :key)";
        return jdbc.sql("select * from (" + TIMELINE + ") a where (at, kind, key) < (" + at + ", :kind, :key)"
                        + " order by at desc, kind desc, key desc limit :limit")
                .param("job", jobId).param("kind", after.metric() ? "m" : "e").param("key", after.key())
                .param("limit", limit).query(row).list();
    }

    public Optional<JobActivity.Metric> lastMetric(UUID jobId) {
        return jdbc.sql("""
                        select 'm' as kind, step as key, recorded_at as at, null as type, null as status,
                               null as message, null as data, epoch, train_loss, valid_loss, extra::text as extra
                        from job_metrics where job_id = :job order by step desc limit 1""")
                .param("job", jobId).query(row).optional().map(JobActivity.Metric.class::cast);
    }

    /** Whether an unfinished job of the project names the dataset as its training or validation data. */
    public boolean activeJobUses(UUID projectId, String dataset) {
        return jdbc.sql("""
                        select exists (select 1 from jobs where project_id = :project
                                and status not in ('succeeded', 'failed', 'cancelled')
                                and (training_data = :ds or validation_data = :ds
                                     or training_dataset = :ds or validation_dataset = :ds))""")
                .param("project", projectId).param("ds", dataset).query(Boolean.class).single();
    }
}
