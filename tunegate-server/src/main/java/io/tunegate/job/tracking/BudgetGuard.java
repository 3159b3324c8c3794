package io.tunegate.job.tracking;

import io.tunegate.job.JobStatus;
import io.tunegate.job.domain.Job;
import io.tunegate.job.domain.JobEvent;
import io.tunegate.provider.ProviderJobSnapshot;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Stops a running job before it spends past its {@code budget_limit}: the cost of the tokens trained so far,
 * divided by the share of training done, projects the final cost. Early readings are noisy, so projection
 * waits for {@value #MIN_PROGRESS_PERCENT}% progress; a cost already over the limit needs no projection.
 */
@Component
class BudgetGuard {

    static final int MIN_PROGRESS_PERCENT = 5;

    /** @return true when it asked to cancel the job */
    boolean check(Job job, ProviderJobSnapshot snapshot, Function<Long, BigDecimal> costOf, Instant now) {
        BigDecimal limit = job.budgetLimit();
        if (limit == null || job.status() != JobStatus.RUNNING || snapshot.trainedTokens() == null) {
            return false;
        }
        BigDecimal soFar = costOf.apply(snapshot.trainedTokens());
        if (soFar == null) {
            return false;
        }
        Double progress = snapshot.progress();
        BigDecimal projected;
        if (soFar.compareTo(limit) > 0) {
            projected = soFar;
        } else if (progress != null && progress * 100 >= MIN_PROGRESS_PERCENT) {
            projected = soFar.divide(BigDecimal.valueOf(progress), MathContext.DECIMAL64).setScale(6, RoundingMode.HALF_UP);
        } else {
            return false;
        }
        if (projected.compareTo(limit) <= 0) {
            return false;
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("projected_cost_usd", projected);
        data.put("cost_so_far_usd", soFar);
        data.put("budget_limit_usd", limit);
        data.put("progress", progress);
        job.note(JobEvent.BUDGET_PROJECTED_OVERSPEND, "Projected cost " + projected.stripTrailingZeros().toPlainString()
                + " USD (" + soFar.stripTrailingZeros().toPlainString() + " USD so far"
                + (progress == null ? "" : " at " + Math.round(progress * 100) + "% progress")
                + ") exceeds budget_limit " + limit.stripTrailingZeros().toPlainString() + " USD; cancelling the job",
                data, now);
        job.requestCancel(now);
        return true;
    }
}
