package io.tunegate.client;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * 402 {@code budget-exceeded}: the job's estimate is above its {@code budget_limit} or above what a project
 * budget has left. Nothing was created.
 */
public class BudgetExceededException extends TunegateApiException {

    public BudgetExceededException(Problem problem) {
        super(problem);
    }

    public Optional<BigDecimal> estimatedCostUsd() {
        return problem().decimal("estimated_cost_usd");
    }

    /** The job's own limit, when that is what it exceeded. */
    public Optional<BigDecimal> budgetLimitUsd() {
        return problem().decimal("budget_limit_usd");
    }

    /** What a project budget had left, when that is what it exceeded. */
    public Optional<BigDecimal> budgetRemainingUsd() {
        return problem().decimal("budget_remaining_usd");
    }
}
