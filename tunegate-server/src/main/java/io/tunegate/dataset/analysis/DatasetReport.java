package io.tunegate.dataset.analysis;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * What one pass over a JSONL file found.
 *
 * @param format   "chat", "preference", "prompt_completion", "mixed" or "unknown"
 * @param lines    lines in the file, blank ones included
 * @param examples non-blank lines: each is one example, valid or not
 * @param bytes    bytes read
 * @param valid    no errors and at least one example
 * @param errors   by kind (snake_case); sorted by kind so the JSON is stable
 * @param warnings by kind; they do not make the file invalid
 * @param tokens   over the examples whose structure could be read
 * @param roles    messages per recognized role (preference outputs included), e.g. {@code {user: 10, assistant: 10}};
 *                 empty for prompt/completion files, and in reports stored before roles were counted
 */
public record DatasetReport(String format, long lines, long examples, long bytes, boolean valid,
        Map<String, Issue> errors, Map<String, Issue> warnings, TokenStats tokens, Map<String, Long> roles) {

    public DatasetReport {
        Objects.requireNonNull(format, "format");
        errors = Collections.unmodifiableMap(new TreeMap<>(errors));
        warnings = Collections.unmodifiableMap(new TreeMap<>(warnings));
        Objects.requireNonNull(tokens, "tokens");
        roles = roles == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(roles));
    }

    /**
     * @param count lines with this issue (a line counts once per kind)
     * @param lines 1-based line numbers, the first 20 only
     */
    public record Issue(long count, List<Long> lines) {
        public Issue {
            lines = List.copyOf(lines);
        }
    }

    /**
     * Token counts per example. Percentiles are exact (nearest-rank).
     *
     * @param tokenizer        encoding name, e.g. o200k_base
     * @param exactness        "exact", or "approximate" when the model's own tokenizer is not tiktoken's
     * @param overLimit        examples over {@code limitPerExample}; the provider truncates them
     * @param billablePerEpoch sum over examples of min(limitPerExample, tokens)
     * @param billableByLimit  the same sum for other per-example limits (the catalog's providers'), by limit
     * @param overByLimit      examples over each of those limits, by limit (limits at or past {@code max}, where
     *                         none are over, and {@code limitPerExample} are left out, as in billableByLimit)
     */
    public record TokenStats(String tokenizer, String exactness, long total, long min, double mean, long p50, long p95,
                             long max, long overLimit, int limitPerExample, long billablePerEpoch,
                             Map<Integer, Long> billableByLimit, Map<Integer, Long> overByLimit) {

        public TokenStats {
            billableByLimit = billableByLimit == null ? Map.of()
                    : Collections.unmodifiableMap(new TreeMap<>(billableByLimit));
            overByLimit = overByLimit == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(overByLimit));
        }

        public TokenStats(String tokenizer, String exactness, long total, long min, double mean, long p50, long p95,
                          long max, long overLimit, int limitPerExample, long billablePerEpoch) {
            this(tokenizer, exactness, total, min, mean, p50, p95, max, overLimit, limitPerExample, billablePerEpoch,
                    Map.of(), Map.of());
        }

        /**
         * Examples with more than {@code limit} counted tokens; empty when the analysis did not count that limit
         * (it was added to the catalog later) and some example is longer than it.
         */
        public OptionalLong overLimitAt(int limit) {
            if (max <= limit) {
                return OptionalLong.of(0);
            }
            if (limit == limitPerExample) {
                return OptionalLong.of(overLimit);
            }
            Long known = overByLimit.get(limit);
            return known == null ? OptionalLong.empty() : OptionalLong.of(known);
        }

        /** These figures as other modules see them. */
        public io.tunegate.dataset.TokenFigures figures() {
            return new io.tunegate.dataset.TokenFigures(tokenizer, "exact".equals(exactness), total, max,
                    limitPerExample, billablePerEpoch, billableByLimit);
        }

        public long billablePerEpochAt(int limit) {
            return figures().billablePerEpochAt(limit);
        }
    }
}
