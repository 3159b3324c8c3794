package io.tunegate.dataset.translation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Counts skipped lines by reason, keeping the first {@value #KEPT_LINES} line numbers of each. */
final class SkipTally {

    static final int KEPT_LINES = 20;

    private final Map<String, Count> byReason = new TreeMap<>();
    private long total;

    void add(String reason, long line) {
        total++;
        Count count = byReason.computeIfAbsent(reason, r -> new Count());
        count.count++;
        if (count.lines.size() < KEPT_LINES) {
            count.lines.add(line);
        }
    }

    long total() {
        return total;
    }

    Map<String, TranslationReport.Skipped> toMap() {
        Map<String, TranslationReport.Skipped> map = new TreeMap<>();
        byReason.forEach((reason, count) -> map.put(reason, new TranslationReport.Skipped(count.count, count.lines)));
        return map;
    }

    private static final class Count {
        long count;
        final List<Long> lines = new ArrayList<>();
    }
}
