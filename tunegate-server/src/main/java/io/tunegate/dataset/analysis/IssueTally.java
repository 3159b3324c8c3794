package io.tunegate.dataset.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.LongStream;

/** How many lines have one kind of issue, and the first {@value #KEPT_LINES} of them. Lines arrive in order. */
final class IssueTally {

    static final int KEPT_LINES = 20;

    private long count;
    private final long[] lines = new long[KEPT_LINES];
    private int kept;
    private long lastLine;

    /** Records a line; a second issue of the same kind on the same line is not counted again. */
    void add(long line) {
        if (line == lastLine) {
            return;
        }
        lastLine = line;
        count++;
        if (kept < KEPT_LINES) {
            lines[kept++] = line;
        }
    }

    /** Appends a tally of later lines: merging batches in line order keeps the first lines overall. */
    void addAll(IssueTally later) {
        count += later.count;
        for (int i = 0; i < later.kept && kept < KEPT_LINES; i++) {
            lines[kept++] = later.lines[i];
        }
        lastLine = later.lastLine;
    }

    long count() {
        return count;
    }

    long firstLine() {
        return kept == 0 ? Long.MAX_VALUE : lines[0];
    }

    DatasetReport.Issue toIssue() {
        return new DatasetReport.Issue(count, LongStream.of(Arrays.copyOf(lines, kept)).boxed().toList());
    }

    /** One issue for lines spread over several tallies, e.g. the lines of every minority format. */
    static DatasetReport.Issue union(Collection<IssueTally> tallies) {
        long count = 0;
        List<Long> all = new ArrayList<>();
        for (IssueTally tally : tallies) {
            count += tally.count;
            for (int i = 0; i < tally.kept; i++) {
                all.add(tally.lines[i]);
            }
        }
        all.sort(null);
        return new DatasetReport.Issue(count, all.subList(0, Math.min(KEPT_LINES, all.size())));
    }
}
