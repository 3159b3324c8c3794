package io.tunegate.dataset.translation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one translation did. {@code written + skipped == examples}; blank lines are neither. A line is skipped
 * for the first reason found (structure first, then tools, message fields, weights, turn order, content).
 *
 * @param format          the target's id
 * @param lines           lines read, blank ones included
 * @param examples        non-blank lines
 * @param written         lines written in the target format
 * @param skipped         lines not written
 * @param skippedByReason by {@link SkipReasons} key, sorted so the JSON is stable
 */
public record TranslationReport(String format, long lines, long examples, long written, long skipped,
                                Map<String, Skipped> skippedByReason) {

    public TranslationReport {
        skippedByReason = Collections.unmodifiableMap(new TreeMap<>(skippedByReason));
    }

    /**
     * @param count lines skipped for this reason
     * @param lines their 1-based numbers, the first 20 only
     */
    public record Skipped(long count, List<Long> lines) {
        public Skipped {
            lines = List.copyOf(lines);
        }
    }
}
