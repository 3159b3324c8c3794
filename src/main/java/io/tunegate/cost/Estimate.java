package io.tunegate.cost;

import java.math.BigDecimal;

/**
 * A cost estimate in USD.
 *
 * @param amountUsd null when it cannot be known yet
 * @param basis     how the amount was reached, in words
 */
public record Estimate(BigDecimal amountUsd, String basis) {
}
