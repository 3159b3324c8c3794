package io.tunegate.dataset.analysis;

import java.util.Arrays;

/**
 * Exact token statistics in constant memory: a count per token value instead of a list per example, so ten
 * million examples cost the same as ten. Values past the table (rare: an example that long needs a line of
 * at least as many bytes) go to a small overflow list.
 */
final class TokenHistogram {

    private static final int MIN_TABLE = 131_072;
    private static final int MAX_TABLE = 1 << 20;

    private final int limit;
    private final long[] counts;
    private long[] overflow = new long[16];
    private int overflowSize;

    private long examples;
    private long total;
    private long min = Long.MAX_VALUE;
    private long max;
    private long overLimit;
    private long billable;

    TokenHistogram(int limitPerExample) {
        this.limit = limitPerExample;
        int size = (int) Math.min(MAX_TABLE, Math.max(MIN_TABLE, 2L * limitPerExample));
        this.counts = new long[size + 1];
    }

    void add(long tokens) {
        if (tokens < counts.length) {
            counts[(int) tokens]++;
        } else {
            if (overflowSize == overflow.length) {
                overflow = Arrays.copyOf(overflow, overflowSize * 2);
            }
            overflow[overflowSize++] = tokens;
        }
        examples++;
        total += tokens;
        min = Math.min(min, tokens);
        max = Math.max(max, tokens);
        if (tokens > limit) {
            overLimit++;
        }
        billable += Math.min(limit, tokens);
    }

    /** Nearest-rank percentile: the smallest value with at least {@code percent}% of examples at or below it. */
    long percentile(int percent) {
        if (examples == 0) {
            return 0;
        }
        long rank = Math.max(1, (examples * percent + 99) / 100);
        long seen = 0;
        for (int value = 0; value < counts.length; value++) {
            seen += counts[value];
            if (seen >= rank) {
                return value;
            }
        }
        long[] sorted = Arrays.copyOf(overflow, overflowSize);
        Arrays.sort(sorted);
        return sorted[(int) (rank - seen - 1)];
    }

    /** Sum over examples of min(cap, tokens), from the table: no second pass over the data. */
    long billableAt(int cap) {
        if (max <= cap) {
            return total;
        }
        long sum = 0;
        int below = Math.min(cap, counts.length - 1);
        for (int value = 1; value <= below; value++) {
            sum += counts[value] * value;
        }
        long longer = examples;
        for (int value = 0; value <= below; value++) {
            longer -= counts[value];
        }
        for (int i = 0; i < overflowSize; i++) {
            if (overflow[i] <= cap) {
                sum += overflow[i];
                longer--;
            }
        }
        return sum + longer * cap;
    }

    /** Examples with more than {@code cap} tokens, from the table. */
    long overAt(int cap) {
        if (max <= cap) {
            return 0;
        }
        long atOrBelow = 0;
        for (int value = 0; value <= Math.min(cap, counts.length - 1); value++) {
            atOrBelow += counts[value];
        }
        for (int i = 0; i < overflowSize; i++) {
            if (overflow[i] <= cap) {
                atOrBelow++;
            }
        }
        return examples - atOrBelow;
    }

    DatasetReport.TokenStats stats(TokenizerChoice tokenizer, java.util.Collection<Integer> billingLimits) {
        java.util.Map<Integer, Long> byLimit = new java.util.TreeMap<>();
        java.util.Map<Integer, Long> overByLimit = new java.util.TreeMap<>();
        for (int cap : billingLimits) {
            if (cap != limit && cap < max) {
                byLimit.put(cap, billableAt(cap));
                overByLimit.put(cap, overAt(cap));
            }
        }
        return new DatasetReport.TokenStats(tokenizer.encoding(), tokenizer.exactness(), total,
                examples == 0 ? 0 : min, examples == 0 ? 0.0 : (double) total / examples,
                percentile(50), percentile(95), max, overLimit, limit, billable, byLimit, overByLimit);
    }

    DatasetReport.TokenStats stats(TokenizerChoice tokenizer) {
        return stats(tokenizer, java.util.List.of());
    }
}
