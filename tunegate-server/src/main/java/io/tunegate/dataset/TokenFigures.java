package io.tunegate.dataset;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A dataset's token figures, enough to price it under any provider's per-example limit.
 *
 * @param encoding         the tiktoken encoding that counted them
 * @param exact            false when that encoding only approximates the model's tokenizer
 * @param billablePerEpoch sum over examples of min(limitPerExample, tokens)
 * @param billableByLimit  the same sum for the catalog's other per-example limits
 */
public record TokenFigures(String encoding, boolean exact, long total, long max, int limitPerExample,
                           long billablePerEpoch, Map<Integer, Long> billableByLimit) {

    public TokenFigures {
        billableByLimit = billableByLimit == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(billableByLimit));
    }

    /**
     * Billable tokens per epoch under a per-example limit: exact when no example is longer or the limit was
     * summed during analysis; otherwise the sum for the next larger known limit (or the total), which errs high.
     */
    public long billablePerEpochAt(int limit) {
        if (max <= limit) {
            return total;
        }
        if (limit == limitPerExample) {
            return billablePerEpoch;
        }
        Long known = billableByLimit.get(limit);
        if (known != null) {
            return known;
        }
        return billableByLimit.entrySet().stream().filter(e -> e.getKey() > limit).map(Map.Entry::getValue)
                .findFirst().orElse(total);
    }
}
