package io.tunegate.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A budget as the API shows it, with its current period's use.
 *
 * @param spentUsd     actual cost of the period's ended jobs
 * @param reservedUsd  estimates held by the period's running jobs
 * @param remainingUsd what new jobs may still reserve (never below zero)
 */
public record BudgetView(UUID id, String object, String period, BigDecimal limitUsd, List<Integer> alertThresholds,
                         LocalDate periodStart, BigDecimal spentUsd, BigDecimal reservedUsd, BigDecimal remainingUsd,
                         Instant createdAt, Instant updatedAt) {
}
