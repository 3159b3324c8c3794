package io.tunegate.registry.internal;

import io.tunegate.job.JobSucceeded;
import io.tunegate.platform.Ids;
import io.tunegate.platform.web.ListPage;
import io.tunegate.registry.ModelVersionCreated;
import io.tunegate.registry.ModelVersionView;
import io.tunegate.registry.RegisteredModelView;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Registered models and their versions, per project. */
@Repository
public class ModelRegistry {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final RowMapper<ModelVersionView> versionRow;

    ModelRegistry(JdbcClient jdbc, JsonMapper json, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
        this.json = json;
        this.versionRow = (rs, i) -> new ModelVersionView("model.version", rs.getString("name"), rs.getInt("version"),
                rs.getString("job_id"), rs.getString("provider"), rs.getString("provider_model_id"),
                rs.getString("base_model"), rs.getString("training_data"), rs.getString("validation_data"),
                json.readValue(rs.getString("hyperparameters"), MAP), (Long) rs.getObject("trained_tokens"),
                rs.getBigDecimal("cost_usd"), rs.getTimestamp("created_at").toInstant());
    }

    /**
     * Adds the job's model as the next version of the model named after the job. Idempotent per job, so a
     * redelivered event changes nothing; the upsert locks the model row, so versions never collide.
     *
     * @return the version number, or empty when this job was registered already
     */
    @Transactional
    public Optional<Integer> register(JobSucceeded job) {
        Instant now = clock.instant();
        UUID modelId = jdbc.sql("""
                        insert into registered_models (id, project_id, name, created_at, updated_at)
                        values (?, ?, ?, ?, ?)
                        on conflict (project_id, name) do update set updated_at = excluded.updated_at
                        returning id""")
                .params(Ids.newId(), job.projectId(), job.jobName(), utc(now), utc(now))
                .query(UUID.class).single();
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from model_versions where model_id = ?")
                .param(modelId).query(Integer.class).single();
        int inserted = jdbc.sql("""
                        insert into model_versions (id, model_id, version, job_id, provider, provider_model_id,
                            base_model, training_data, validation_data, hyperparameters, trained_tokens, cost_usd,
                            created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (job_id) do nothing""")
                .params(Ids.newId(), modelId, version, job.jobId(), job.provider(), job.fineTunedModel(),
                        job.baseModel(), job.trainingData(), job.validationData(),
                        json.writeValueAsString(job.hyperparameters()), job.trainedTokens(), job.costUsd(),
                        utc(job.finishedAt() != null ? job.finishedAt() : now))
                .update();
        if (inserted != 1) {
            return Optional.empty();
        }
        events.publishEvent(new ModelVersionCreated(job.projectId(), jdbc.sql("""
                        select v.*, m.name from model_versions v join registered_models m on m.id = v.model_id
                        where v.job_id = ?""").param(job.jobId()).query(versionRow).single()));
        return Optional.of(version);
    }

    public ListPage<RegisteredModelView> list(UUID projectId, String cursor, int limit) {
        List<RegisteredModelView> rows = jdbc.sql("""
                        select * from registered_models where project_id = ? and (?::text is null or name > ?)
                        order by name limit ?""")
                .params(projectId, cursor, cursor, limit + 1)
                .query((rs, i) -> view(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .list();
        return ListPage.fromOverfetch(rows, limit, RegisteredModelView::name);
    }

    public Optional<RegisteredModelView> find(UUID projectId, String name) {
        return jdbc.sql("select * from registered_models where project_id = ? and name = ?")
                .params(projectId, name)
                .query((rs, i) -> view(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /** Newest version first. */
    public List<ModelVersionView> versions(UUID projectId, String name) {
        return jdbc.sql("""
                        select v.*, m.name from model_versions v join registered_models m on m.id = v.model_id
                        where m.project_id = ? and m.name = ? order by v.version desc""")
                .params(projectId, name).query(versionRow).list();
    }

    private RegisteredModelView view(UUID modelId, String name, Instant createdAt, Instant updatedAt) {
        List<ModelVersionView> latest = jdbc.sql("""
                        select v.*, m.name from model_versions v join registered_models m on m.id = v.model_id
                        where v.model_id = ? order by v.version desc limit 1""")
                .param(modelId).query(versionRow).list();
        int count = latest.isEmpty() ? 0 : latest.getFirst().version();
        return new RegisteredModelView("model", name, count, latest.isEmpty() ? null : latest.getFirst(),
                createdAt, updatedAt);
    }

    private static java.time.OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
