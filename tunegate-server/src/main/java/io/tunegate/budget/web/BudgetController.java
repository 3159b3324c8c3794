package io.tunegate.budget.web;

import io.tunegate.budget.BudgetView;
import io.tunegate.budget.SpendReport;
import io.tunegate.budget.internal.BudgetService;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.FieldViolation;
import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** {@code /v1/budgets} and {@code /v1/spend}. */
@RestController
class BudgetController {

    private static final BigDecimal MAX_LIMIT = new BigDecimal("1000000000");
    private static final Set<String> PERIODS = Set.of("monthly", "lifetime");
    private static final Set<String> GROUPS = Set.of("provider", "base_model", "job_name");

    record CreateBudget(String period, BigDecimal limitUsd, List<Integer> alertThresholds) {
    }

    record ChangeBudget(BigDecimal limitUsd, List<Integer> alertThresholds) {
    }

    private final BudgetService budgets;

    BudgetController(BudgetService budgets) {
        this.budgets = budgets;
    }

    @PostMapping(path = "/v1/budgets", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<BudgetView> create(ProjectId project, @RequestBody CreateBudget request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.period() == null || !PERIODS.contains(request.period())) {
            violations.add(new FieldViolation("period", "must be \"monthly\" or \"lifetime\""));
        }
        if (request.limitUsd() == null) {
            violations.add(new FieldViolation("limit_usd", "is required"));
        }
        checkLimit(request.limitUsd(), violations);
        checkThresholds(request.alertThresholds(), violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        BudgetView created = budgets.create(project, request.period(), request.limitUsd(),
                request.alertThresholds() == null ? null : sorted(request.alertThresholds()));
        return ResponseEntity.created(URI.create("/v1/budgets/" + created.id())).body(created);
    }

    @GetMapping(path = "/v1/budgets", produces = MediaType.APPLICATION_JSON_VALUE)
    ListPage<BudgetView> list(ProjectId project) {
        return ListPage.of(budgets.list(project), false, null);
    }

    @GetMapping(path = "/v1/budgets/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    BudgetView get(ProjectId project, @PathVariable String id) {
        return budgets.get(project, parseId(id));
    }

    @PatchMapping(path = "/v1/budgets/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    BudgetView update(ProjectId project, @PathVariable String id, @RequestBody ChangeBudget request) {
        UUID budgetId = parseId(id);
        List<FieldViolation> violations = new ArrayList<>();
        checkLimit(request.limitUsd(), violations);
        checkThresholds(request.alertThresholds(), violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return budgets.update(project, budgetId, request.limitUsd(),
                request.alertThresholds() == null ? null : sorted(request.alertThresholds()));
    }

    @DeleteMapping("/v1/budgets/{id}")
    ResponseEntity<Void> delete(ProjectId project, @PathVariable String id) {
        budgets.delete(project, parseId(id));
        return ResponseEntity.noContent().build();
    }

    /**
     * @param from inclusive, a date (UTC midnight) or an instant; absent: since the first job
     * @param to   exclusive, same forms; absent: until now
     */
    @GetMapping(path = "/v1/spend", produces = MediaType.APPLICATION_JSON_VALUE)
    SpendReport spend(ProjectId project, @RequestParam(name = "group_by", defaultValue = "provider") String groupBy,
                      @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        if (!GROUPS.contains(groupBy)) {
            throw ApiException.invalid("group_by", "must be provider, base_model or job_name");
        }
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        if (start != null && end != null && !end.isAfter(start)) {
            throw ApiException.invalid("to", "must be after from");
        }
        return budgets.spend(project, groupBy, start, end);
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC)
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date (2026-11-01) or an instant (2026-11-01T00:00:00Z)");
        }
    }

    private static void checkLimit(BigDecimal limit, List<FieldViolation> violations) {
        if (limit != null && (limit.signum() < 0 || limit.compareTo(MAX_LIMIT) > 0
                || limit.stripTrailingZeros().scale() > 6)) {
            violations.add(new FieldViolation("limit_usd",
                    "must be an amount in USD from 0 to 1,000,000,000 with at most 6 decimals"));
        }
    }

    private static void checkThresholds(List<Integer> thresholds, List<FieldViolation> violations) {
        if (thresholds == null) {
            return;
        }
        if (thresholds.size() > 10) {
            violations.add(new FieldViolation("alert_thresholds", "at most 10 thresholds"));
            return;
        }
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < thresholds.size(); i++) {
            Integer t = thresholds.get(i);
            if (t == null || t < 1 || t > 1000) {
                violations.add(new FieldViolation("alert_thresholds[" + i + "]", "must be a percentage from 1 to 1000"));
            } else if (!seen.add(t)) {
                violations.add(new FieldViolation("alert_thresholds[" + i + "]", t + " is listed twice"));
            }
        }
    }

    private static List<Integer> sorted(List<Integer> thresholds) {
        return thresholds.stream().sorted().toList();
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Budget " + id);
        }
    }
}
