package io.tunegate.budget;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A budget's use reached one of its alert thresholds for the first time in a period.
 *
 * @param threshold percent of the limit
 * @param usedUsd   actual spend plus open reservations in the period
 */
public record ThresholdCrossing(UUID budgetId, String period, LocalDate periodStart, int threshold,
                                BigDecimal limitUsd, BigDecimal usedUsd) {

    public String describe() {
        return "Budget " + period + " reached " + threshold + "% of its " + limitUsd.stripTrailingZeros().toPlainString()
                + " USD limit (" + usedUsd.stripTrailingZeros().toPlainString() + " USD used or reserved)";
    }
}
