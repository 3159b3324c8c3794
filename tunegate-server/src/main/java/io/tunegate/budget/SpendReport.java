package io.tunegate.budget;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Spend of the jobs reserved in [from, to), grouped.
 *
 * @param actualUsd   what ended jobs cost
 * @param reservedUsd what running jobs hold as estimates
 */
public record SpendReport(String object, String groupBy, Instant from, Instant to, BigDecimal actualUsd,
                          BigDecimal reservedUsd, List<Group> groups) {

    public record Group(String key, BigDecimal actualUsd, BigDecimal reservedUsd, long jobs) {
    }
}
