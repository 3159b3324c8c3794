package io.tunegate.job.persistence;

import io.tunegate.job.JobStatus;
import io.tunegate.job.JobView;
import io.tunegate.job.domain.JsonConverters;
import io.tunegate.provider.Hyperparameters;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The read side of jobs: one query straight into the API view. Reading needs neither the aggregate nor a
 * transaction, and the hot {@code GET /v1/jobs/{id}} path is cheaper without them.
 */
@Repository
public class JobViewReader implements io.tunegate.job.JobViews {

    private static final JsonMapper JSON = JsonConverters.JSON;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() { };
    private static final RowMapper<JobView> ROW = JobViewReader::map;

    private final JdbcClient jdbc;

    /** The columns a view is made of ({@link #map}). */
    private static final String SELECT = """
            select id, job_name, status, provider_status, progress, provider, provider_job_id, provider_plan,
                   base_model, training_data, validation_data, hyperparameters, budget_limit, estimated_cost_usd, estimate_basis,
                   actual_cost_usd, trained_tokens, fine_tuned_model, error_code, error_message, webhook_url,
                   metadata, created_at, updated_at, started_at, finished_at
            """;

    JobViewReader(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<JobView> find(UUID projectId, UUID jobId) {
        return jdbc.sql(SELECT + "from jobs where id = ? and project_id = ?")
                .params(jobId, projectId)
                .query(ROW).optional();
    }

    /** Newest first, older than {@code before} when given, whose metadata holds every pair of {@code metadata}. */
    public List<JobView> list(UUID projectId, UUID before, Map<String, String> metadata, int limit) {
        return jdbc.sql(SELECT + """
                        from jobs where project_id = :project and (cast(:before as uuid) is null or id < :before)
                          and metadata @> cast(:metadata as jsonb)
                        order by id desc limit :limit""")
                .param("project", projectId).param("before", before)
                .param("metadata", JSON.writeValueAsString(metadata == null ? Map.of() : metadata))
                .param("limit", limit)
                .query(ROW).list();
    }

    private static JobView map(ResultSet rs, int row) throws SQLException {
        String errorCode = rs.getString("error_code");
        return new JobView(rs.getString("id"), "job", rs.getString("job_name"),
                JobStatus.fromWire(rs.getString("status")), rs.getString("provider_status"),
                (Double) rs.getObject("progress"), rs.getString("provider"),
                rs.getString("provider_job_id"), JSON.readValue(rs.getString("provider_plan"), STRINGS),
                rs.getString("base_model"), rs.getString("training_data"), rs.getString("validation_data"),
                JSON.readValue(rs.getString("hyperparameters"), Hyperparameters.class),
                rs.getBigDecimal("budget_limit"), rs.getBigDecimal("estimated_cost_usd"),
                rs.getString("estimate_basis"), rs.getBigDecimal("actual_cost_usd"),
                (Long) rs.getObject("trained_tokens"), rs.getString("fine_tuned_model"),
                errorCode == null ? null : new JobView.Error(errorCode, rs.getString("error_message")),
                rs.getString("webhook_url"), JSON.readValue(rs.getString("metadata"), STRING_MAP),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
