package io.tunegate.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Published (through the event publication registry) when a budget crosses an alert threshold: the
 * {@code budget.threshold_reached} event webhooks deliver.
 *
 * @param jobId the job whose reservation or cost crossed it
 */
public record BudgetThresholdReached(UUID projectId, UUID budgetId, String period, LocalDate periodStart,
                                     int threshold, BigDecimal limitUsd, BigDecimal usedUsd, UUID jobId,
                                     Instant reachedAt) {
}
