package io.tunegate.dataset.analysis;

import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Limits for one analysis.
 *
 * @param tokenizer           how tokens are counted
 * @param maxLineBytes        longer lines are reported as {@code line_too_long} and skipped unread
 * @param maxTokensPerExample the provider's context limit; longer examples are truncated when billed
 * @param batchSize           lines handed to a worker at once
 * @param billingLimits       other per-example limits (the catalog's) to sum billable tokens for, so the same
 *                            file can be priced on every provider without being read again
 */
public record AnalyzerSettings(TokenizerChoice tokenizer, int maxLineBytes, int maxTokensPerExample, int batchSize,
                               SortedSet<Integer> billingLimits) {

    public AnalyzerSettings(TokenizerChoice tokenizer, int maxLineBytes, int maxTokensPerExample, int batchSize) {
        this(tokenizer, maxLineBytes, maxTokensPerExample, batchSize, new TreeSet<>());
    }

    /** A line is held whole in memory (as bytes, then as a String) while it is checked: keep that bounded. */
    static final int MAX_LINE_BYTES_CEILING = 1 << 30;

    public AnalyzerSettings {
        Objects.requireNonNull(tokenizer, "tokenizer");
        if (maxLineBytes < 1 || maxLineBytes > MAX_LINE_BYTES_CEILING) {
            throw new IllegalArgumentException("maxLineBytes must be in 1.." + MAX_LINE_BYTES_CEILING + ": " + maxLineBytes);
        }
        if (maxTokensPerExample < 1) {
            throw new IllegalArgumentException("maxTokensPerExample must be positive: " + maxTokensPerExample);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive: " + batchSize);
        }
        billingLimits = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(billingLimits));
        if (!billingLimits.isEmpty() && billingLimits.first() < 1) {
            throw new IllegalArgumentException("billing limits must be positive: " + billingLimits);
        }
    }

    /** o200k_base exact, 8 MiB lines, 65,536 tokens per example, 512 lines per batch. */
    public static AnalyzerSettings defaults() {
        return new AnalyzerSettings(new TokenizerChoice(TokenizerChoice.O200K, true), 8 << 20, 65_536, 512);
    }
}
