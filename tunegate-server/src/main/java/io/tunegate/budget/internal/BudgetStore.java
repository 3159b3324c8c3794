package io.tunegate.budget.internal;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Budgets, the spend ledger and sent alerts, in plain SQL. */
@Repository
class BudgetStore {

    private static final String COLUMNS = "id, project_id, period, limit_usd, thresholds, created_at, updated_at";

    private final JdbcClient jdbc;

    BudgetStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(BudgetRow b) {
        jdbc.sql("insert into budgets (" + COLUMNS + ") values (?, ?, ?, ?, ?::integer[], ?, ?)")
                .params(b.id(), b.projectId(), b.period(), b.limitUsd(), arrayLiteral(b.thresholds()),
                        utc(b.createdAt()), utc(b.updatedAt()))
                .update();
    }

    void update(BudgetRow b) {
        jdbc.sql("update budgets set limit_usd = ?, thresholds = ?::integer[], updated_at = ? where id = ?")
                .params(b.limitUsd(), arrayLiteral(b.thresholds()), utc(b.updatedAt()), b.id())
                .update();
    }

    Optional<BudgetRow> find(UUID projectId, UUID id) {
        return jdbc.sql("select " + COLUMNS + " from budgets where project_id = ? and id = ?")
                .params(projectId, id).query(BudgetStore::row).optional();
    }

    List<BudgetRow> list(UUID projectId) {
        return jdbc.sql("select " + COLUMNS + " from budgets where project_id = ? order by period")
                .param(projectId).query(BudgetStore::row).list();
    }

    /** The project's budgets, locked until the transaction ends: one reservation at a time per project. */
    List<BudgetRow> lockForProject(UUID projectId) {
        return jdbc.sql("select " + COLUMNS + " from budgets where project_id = ? order by id for update")
                .param(projectId).query(BudgetStore::row).list();
    }

    boolean delete(UUID projectId, UUID id) {
        return jdbc.sql("delete from budgets where project_id = ? and id = ?").params(projectId, id).update() == 1;
    }

    /** Actual costs of ended jobs plus reservations of running ones, for jobs reserved in [from, to). */
    Used used(UUID projectId, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select coalesce(sum(actual_usd), 0) as actual,
                               coalesce(sum(reserved_usd) filter (where settled_at is null), 0) as reserved
                        from spend where project_id = ? and reserved_at >= ? and (?::timestamptz is null or reserved_at < ?)
                        """)
                .params(projectId, start(from), start(to), start(to))
                .query((rs, n) -> new Used(rs.getBigDecimal("actual"), rs.getBigDecimal("reserved"))).single();
    }

    void reserve(UUID jobId, UUID projectId, String provider, String baseModel, String jobName, BigDecimal amount,
                 Instant at) {
        jdbc.sql("""
                        insert into spend (job_id, project_id, provider, base_model, job_name, reserved_usd, reserved_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (job_id) do update set reserved_usd = excluded.reserved_usd,
                            provider = excluded.provider
                        """)
                .params(jobId, projectId, provider, baseModel, jobName, amount, utc(at))
                .update();
    }

    /** The ledger row of a job, locked, if it was ever reserved and not yet settled. */
    Optional<Entry> lockOpenEntry(UUID jobId) {
        return jdbc.sql("select project_id, reserved_at from spend where job_id = ? and settled_at is null for update")
                .param(jobId)
                .query((rs, n) -> new Entry(rs.getObject("project_id", UUID.class),
                        rs.getObject("reserved_at", java.time.OffsetDateTime.class).toInstant()))
                .optional();
    }

    void settle(UUID jobId, BigDecimal actual, Instant at) {
        jdbc.sql("update spend set actual_usd = ?, settled_at = ? where job_id = ?")
                .params(actual, utc(at), jobId).update();
    }

    /** Records an alert once per budget, period and threshold; false when it was already sent. */
    boolean markAlert(UUID budgetId, LocalDate periodStart, int threshold, Instant at) {
        return jdbc.sql("""
                        insert into budget_alerts (budget_id, period_start, threshold, reached_at) values (?, ?, ?, ?)
                        on conflict do nothing
                        """)
                .params(budgetId, periodStart, threshold, utc(at)).update() == 1;
    }

    /** Spend of jobs reserved in [from, to), grouped by a ledger column (provider, base_model or job_name). */
    List<SpendGroup> spend(UUID projectId, String groupColumn, Instant from, Instant to) {
        if (!List.of("provider", "base_model", "job_name").contains(groupColumn)) {
            throw new IllegalArgumentException("not a spend grouping: " + groupColumn);
        }
        return jdbc.sql("select " + groupColumn + " as key, coalesce(sum(actual_usd), 0) as actual, "
                        + "coalesce(sum(reserved_usd) filter (where settled_at is null), 0) as reserved, count(*) as jobs "
                        + "from spend where project_id = ? and (?::timestamptz is null or reserved_at >= ?) "
                        + "and (?::timestamptz is null or reserved_at < ?) group by " + groupColumn
                        + " order by actual desc, reserved desc, key")
                .params(projectId, utcOrNull(from), utcOrNull(from), utcOrNull(to), utcOrNull(to))
                .query((rs, n) -> new SpendGroup(rs.getString("key"), rs.getBigDecimal("actual"),
                        rs.getBigDecimal("reserved"), rs.getLong("jobs")))
                .list();
    }

    record SpendGroup(String key, BigDecimal actual, BigDecimal reserved, long jobs) {
    }

    private static java.time.OffsetDateTime utcOrNull(Instant at) {
        return at == null ? null : utc(at);
    }

    record Used(BigDecimal actual, BigDecimal reserved) {
        BigDecimal total() {
            return actual.add(reserved);
        }
    }

    record Entry(UUID projectId, Instant reservedAt) {
    }

    private static java.time.OffsetDateTime start(LocalDate day) {
        return day == null ? null : day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static java.time.OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private static String arrayLiteral(List<Integer> values) {
        return "{" + String.join(",", values.stream().map(String::valueOf).toList()) + "}";
    }

    private static BudgetRow row(ResultSet rs, int n) throws SQLException {
        Array thresholds = rs.getArray("thresholds");
        List<Integer> values = Arrays.stream((Integer[]) thresholds.getArray()).toList();
        return new BudgetRow(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("period"), rs.getBigDecimal("limit_usd"), values,
                rs.getObject("created_at", java.time.OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant());
    }
}
