package io.tunegate.budget.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** A budget as stored. */
record BudgetRow(UUID id, UUID projectId, String period, BigDecimal limitUsd, List<Integer> thresholds,
                 Instant createdAt, Instant updatedAt) {

    static final String MONTHLY = "monthly";
    static final String LIFETIME = "lifetime";

    /** The first day of the period that contains {@code at}; lifetime budgets have one period since the epoch. */
    LocalDate periodStart(Instant at) {
        return MONTHLY.equals(period) ? at.atOffset(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1) : LocalDate.EPOCH;
    }

    /** The day after the period, or null for lifetime. */
    LocalDate periodEnd(LocalDate start) {
        return MONTHLY.equals(period) ? start.plusMonths(1) : null;
    }
}
