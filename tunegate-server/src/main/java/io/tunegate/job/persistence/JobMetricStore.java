package io.tunegate.job.persistence;

import io.tunegate.job.domain.MetricPoint;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Training curve points, one per step; a re-polled step is ignored rather than duplicated. */
@Repository
public class JobMetricStore {

    private static final TypeReference<Map<String, Double>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<MetricPoint> row;

    JobMetricStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, i) -> {
            BigDecimal epoch = rs.getBigDecimal("epoch");
            return new MetricPoint(rs.getInt("step"), epoch == null ? null : epoch.doubleValue(),
                    (Double) rs.getObject("train_loss"), (Double) rs.getObject("valid_loss"),
                    rs.getString("extra") == null ? Map.of() : json.readValue(rs.getString("extra"), MAP),
                    rs.getTimestamp("recorded_at").toInstant());
        };
    }

    public void add(UUID jobId, List<MetricPoint> points) {
        for (MetricPoint p : points) {
            jdbc.sql("""
                            insert into job_metrics (job_id, step, epoch, train_loss, valid_loss, extra, recorded_at)
                            values (?, ?, ?, ?, ?, ?, ?) on conflict (job_id, step) do nothing""")
                    .params(jobId, p.step(), p.epoch() == null ? null : BigDecimal.valueOf(p.epoch()),
                            p.trainLoss(), p.validLoss(),
                            p.extra() == null || p.extra().isEmpty() ? null : json.writeValueAsString(p.extra()),
                            p.recordedAt().atOffset(ZoneOffset.UTC))
                    .update();
        }
    }

    /** Points after {@code afterStep}, in step order. */
    public List<MetricPoint> after(UUID jobId, int afterStep, int limit) {
        return jdbc.sql("select * from job_metrics where job_id = ? and step > ? order by step limit ?")
                .params(jobId, afterStep, limit)
                .query(row).list();
    }
}
