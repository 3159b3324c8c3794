package io.tunegate.budget.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.tunegate.budget.BudgetThresholdReached;
import io.tunegate.budget.BudgetView;
import io.tunegate.budget.Budgets;
import io.tunegate.budget.ThresholdCrossing;
import io.tunegate.platform.Ids;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ProblemType;
import io.tunegate.security.ProjectId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Budgets and the ledger. Every change of a project's committed spend (a reservation, a settlement) first
 * locks the project's budget rows, so the check "does it fit?" and the write that uses it cannot interleave
 * with another job's, and each threshold is announced once per period.
 */
@Service
public class BudgetService implements Budgets {

    public static final List<Integer> DEFAULT_THRESHOLDS = List.of(50, 80, 100);

    private final BudgetStore store;
    private final ApplicationEventPublisher events;
    private final MeterRegistry meters;
    private final Clock clock;

    BudgetService(BudgetStore store, ApplicationEventPublisher events, MeterRegistry meters, Clock clock) {
        this.store = store;
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ThresholdCrossing> reserve(ProjectId project, Reservation r) {
        Instant now = clock.instant();
        BigDecimal amount = r.amountUsd() == null ? BigDecimal.ZERO : r.amountUsd();
        List<BudgetRow> budgets = store.lockForProject(project.value());
        List<BigDecimal> before = new ArrayList<>();
        for (BudgetRow budget : budgets) {
            LocalDate start = budget.periodStart(now);
            BigDecimal used = store.used(project.value(), start, budget.periodEnd(start)).total();
            BigDecimal remaining = budget.limitUsd().subtract(used).max(BigDecimal.ZERO);
            if (amount.compareTo(remaining) > 0) {
                throw new ApiException(ProblemType.BUDGET_EXCEEDED, "The job's estimated cost of " + plain(amount)
                        + " USD exceeds what the project's " + budget.period() + " budget has left: " + plain(remaining)
                        + " USD of " + plain(budget.limitUsd()) + " USD.")
                        .with("estimated_cost_usd", amount)
                        .with("budget_remaining_usd", remaining)
                        .with("budget_limit_usd", budget.limitUsd())
                        .with("budget_period", budget.period())
                        .with("budget_id", budget.id());
            }
            before.add(used);
        }
        store.reserve(r.jobId(), project.value(), r.provider(), r.baseModel(), r.jobName(), amount, now);
        List<ThresholdCrossing> crossings = new ArrayList<>();
        for (int i = 0; i < budgets.size(); i++) {
            BudgetRow budget = budgets.get(i);
            crossings.addAll(crossed(budget, budget.periodStart(now), before.get(i), before.get(i).add(amount), r.jobId(), now));
        }
        return crossings;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public List<ThresholdCrossing> settle(UUID jobId, BigDecimal actualUsd) {
        var entry = store.lockOpenEntry(jobId);
        if (entry.isEmpty()) {
            return List.of();
        }
        UUID projectId = entry.get().projectId();
        Instant reservedAt = entry.get().reservedAt();
        Instant now = clock.instant();
        List<BudgetRow> budgets = store.lockForProject(projectId);
        List<BudgetStore.Used> before = budgets.stream().map(b -> {
            LocalDate start = b.periodStart(reservedAt);
            return store.used(projectId, start, b.periodEnd(start));
        }).toList();
        BigDecimal actual = actualUsd == null ? BigDecimal.ZERO : actualUsd;
        store.settle(jobId, actual, now);
        meters.counter("tunegate.spend.actual", "unit", "usd").increment(actual.doubleValue());
        List<ThresholdCrossing> crossings = new ArrayList<>();
        for (int i = 0; i < budgets.size(); i++) {
            BudgetRow budget = budgets.get(i);
            LocalDate start = budget.periodStart(reservedAt);
            BigDecimal after = store.used(projectId, start, budget.periodEnd(start)).total();
            crossings.addAll(crossed(budget, start, before.get(i).total(), after, jobId, now));
        }
        return crossings;
    }

    private List<ThresholdCrossing> crossed(BudgetRow budget, LocalDate periodStart, BigDecimal before,
                                            BigDecimal after, UUID jobId, Instant now) {
        if (budget.limitUsd().signum() == 0 || after.compareTo(before) <= 0) {
            return List.of();
        }
        List<ThresholdCrossing> crossings = new ArrayList<>();
        for (int threshold : budget.thresholds()) {
            BigDecimal mark = budget.limitUsd().multiply(BigDecimal.valueOf(threshold)).movePointLeft(2);
            if (before.compareTo(mark) < 0 && after.compareTo(mark) >= 0
                    && store.markAlert(budget.id(), periodStart, threshold, now)) {
                crossings.add(new ThresholdCrossing(budget.id(), budget.period(), periodStart, threshold,
                        budget.limitUsd(), after));
                events.publishEvent(new BudgetThresholdReached(budget.projectId(), budget.id(), budget.period(),
                        periodStart, threshold, budget.limitUsd(), after, jobId, now));
                Counter.builder("tunegate.budget.thresholds.reached")
                        .description("Budget alert thresholds reached")
                        .tag("period", budget.period()).tag("threshold", String.valueOf(threshold))
                        .register(meters).increment();
            }
        }
        return crossings;
    }

    @Transactional
    public BudgetView create(ProjectId project, String period, BigDecimal limitUsd, List<Integer> thresholds) {
        Instant now = clock.instant();
        BudgetRow row = new BudgetRow(Ids.newId(), project.value(), period, limitUsd,
                thresholds == null ? DEFAULT_THRESHOLDS : thresholds, now, now);
        try {
            store.insert(row);
        } catch (DuplicateKeyException e) {
            throw new ApiException(ProblemType.CONFLICT, "The project already has a " + period
                    + " budget; change it with PATCH /v1/budgets/{id}.");
        }
        return view(row, now);
    }

    @Transactional
    public BudgetView update(ProjectId project, UUID id, BigDecimal limitUsd, List<Integer> thresholds) {
        BudgetRow current = store.find(project.value(), id).orElseThrow(() -> ApiException.notFound("Budget " + id));
        Instant now = clock.instant();
        BudgetRow changed = new BudgetRow(id, current.projectId(), current.period(),
                limitUsd != null ? limitUsd : current.limitUsd(), thresholds != null ? thresholds : current.thresholds(),
                current.createdAt(), now);
        store.update(changed);
        return view(changed, now);
    }

    @Transactional(readOnly = true)
    public BudgetView get(ProjectId project, UUID id) {
        return store.find(project.value(), id).map(b -> view(b, clock.instant()))
                .orElseThrow(() -> ApiException.notFound("Budget " + id));
    }

    @Transactional(readOnly = true)
    public List<BudgetView> list(ProjectId project) {
        Instant now = clock.instant();
        return store.list(project.value()).stream().map(b -> view(b, now)).toList();
    }

    @Transactional
    public void delete(ProjectId project, UUID id) {
        if (!store.delete(project.value(), id)) {
            throw ApiException.notFound("Budget " + id);
        }
    }

    @Transactional(readOnly = true)
    public io.tunegate.budget.SpendReport spend(ProjectId project, String groupBy, Instant from, Instant to) {
        List<io.tunegate.budget.SpendReport.Group> groups = store.spend(project.value(), groupBy, from, to).stream()
                .map(g -> new io.tunegate.budget.SpendReport.Group(g.key(), g.actual(), g.reserved(), g.jobs()))
                .toList();
        BigDecimal actual = groups.stream().map(io.tunegate.budget.SpendReport.Group::actualUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal reserved = groups.stream().map(io.tunegate.budget.SpendReport.Group::reservedUsd)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return new io.tunegate.budget.SpendReport("spend", groupBy, from, to, actual, reserved, groups);
    }

    private BudgetView view(BudgetRow b, Instant now) {
        LocalDate start = b.periodStart(now);
        BudgetStore.Used used = store.used(b.projectId(), start, b.periodEnd(start));
        return new BudgetView(b.id(), "budget", b.period(), b.limitUsd(), b.thresholds(),
                BudgetRow.LIFETIME.equals(b.period()) ? null : start, used.actual(), used.reserved(),
                b.limitUsd().subtract(used.total()).max(BigDecimal.ZERO), b.createdAt(), b.updatedAt());
    }

    private static String plain(BigDecimal amount) {
        return amount.stripTrailingZeros().toPlainString();
    }
}
