package io.tunegate.budget;

import io.tunegate.security.ProjectId;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** What the job module asks of budgets, inside its own transactions. */
public interface Budgets {

    /**
     * Reserves a job's estimate against every budget of its project, or refuses with a
     * {@code budget-exceeded} problem that gives the estimate and what the budget has left. Joins the
     * caller's transaction, and holds the project's budget rows locked until it ends: reservations of one
     * project are serialized, so parallel jobs cannot together exceed a budget.
     */
    List<ThresholdCrossing> reserve(ProjectId project, Reservation reservation);

    /** Replaces a job's reservation with its actual cost (zero when it never trained). */
    List<ThresholdCrossing> settle(UUID jobId, BigDecimal actualUsd);

    record Reservation(UUID jobId, String provider, String baseModel, String jobName, BigDecimal amountUsd) {
    }
}
