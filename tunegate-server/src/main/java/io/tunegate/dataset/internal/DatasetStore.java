package io.tunegate.dataset.internal;

import io.tunegate.dataset.analysis.DatasetReport;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@Repository
class DatasetStore {

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final RowMapper<DatasetRecord> row;

    DatasetStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
        this.row = (rs, i) -> new DatasetRecord(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("filename"), rs.getString("content_sha256"), rs.getLong("bytes"),
                rs.getString("storage_key"), rs.getString("base_model"), json.readValue(rs.getString("report"), DatasetReport.class),
                rs.getTimestamp("created_at").toInstant());
    }

    void insert(DatasetRecord d) {
        jdbc.sql("""
                        insert into datasets (id, project_id, filename, content_sha256, bytes, storage_key, base_model,
                                              format, valid, examples, tokenizer, report, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(d.id(), d.projectId(), d.filename(), d.sha256(), d.bytes(), d.storageKey(), d.baseModel(),
                        d.report().format(), d.report().valid(), d.report().examples(), d.report().tokens().tokenizer(),
                        json.writeValueAsString(d.report()), d.createdAt().atOffset(ZoneOffset.UTC))
                .update();
    }

    Optional<DatasetRecord> find(UUID projectId, UUID id) {
        return jdbc.sql("select * from datasets where project_id = ? and id = ?").params(projectId, id)
                .query(row).optional();
    }

    /** Newest first (or oldest first), after the cursor id in that order. */
    List<DatasetRecord> list(UUID projectId, UUID after, boolean ascending, int limit) {
        if (!ascending) {
            return list(projectId, after, limit);
        }
        return jdbc.sql("""
                        select * from datasets where project_id = ? and (?::uuid is null or id > ?)
                        order by id limit ?""")
                .params(projectId, after, after, limit)
                .query(row).list();
    }

    boolean delete(UUID projectId, UUID id) {
        return jdbc.sql("delete from datasets where project_id = ? and id = ?").params(projectId, id).update() > 0;
    }

    /** Newest first, after the cursor id. */
    List<DatasetRecord> list(UUID projectId, UUID before, int limit) {
        return jdbc.sql("""
                        select * from datasets where project_id = ? and (?::uuid is null or id < ?)
                        order by id desc limit ?""")
                .params(projectId, before, before, limit)
                .query(row).list();
    }
}
