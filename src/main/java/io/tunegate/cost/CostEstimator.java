package io.tunegate.cost;

import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Prices training from a per-million-token price. Token counts arrive with datasets; until a job's data is
 * counted, only a free provider can be quoted exactly, and the estimate says so rather than guessing.
 */
@Component
public class CostEstimator {

    /** Micro-dollars, the precision the database keeps. */
    private static final int SCALE = 6;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    public Estimate estimate(BigDecimal pricePerMillionTokens, Long billableTokens) {
        if (pricePerMillionTokens.signum() == 0) {
            return new Estimate(BigDecimal.ZERO.setScale(SCALE), "the provider charges nothing for training");
        }
        if (billableTokens == null) {
            return new Estimate(null, "unknown until the training data's tokens are counted");
        }
        return new Estimate(cost(pricePerMillionTokens, billableTokens),
                billableTokens + " billable tokens at " + pricePerMillionTokens + " USD per 1M");
    }

    public BigDecimal actual(BigDecimal pricePerMillionTokens, long trainedTokens) {
        return cost(pricePerMillionTokens, trainedTokens);
    }

    private static BigDecimal cost(BigDecimal pricePerMillion, long tokens) {
        return pricePerMillion.multiply(BigDecimal.valueOf(tokens)).divide(MILLION, SCALE, RoundingMode.HALF_UP);
    }
}
