package io.tunegate.dataset.analysis;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds batch results into one report. Batches must arrive in line order: that, not the order workers finish
 * in, decides which 20 line numbers each issue keeps, so the report is the same on 1 thread or 16.
 */
final class ReportAssembler {

    private final Map<String, IssueTally> errors = new HashMap<>();
    private final Map<String, IssueTally> warnings = new HashMap<>();
    private final Map<ExampleFormat, IssueTally> formats = new EnumMap<>(ExampleFormat.class);
    private final TokenHistogram histogram;
    private final java.util.Collection<Integer> billingLimits;
    private final Map<String, Long> roles = new HashMap<>();
    private long examples;

    ReportAssembler(int tokenLimit) {
        this(tokenLimit, List.of());
    }

    ReportAssembler(int tokenLimit, java.util.Collection<Integer> billingLimits) {
        this.histogram = new TokenHistogram(tokenLimit);
        this.billingLimits = billingLimits;
    }

    void merge(BatchResult batch) {
        examples += batch.examples;
        mergeInto(errors, batch.errors);
        mergeInto(warnings, batch.warnings);
        mergeInto(formats, batch.formats);
        batch.roles.forEach((role, count) -> roles.merge(role, count, Long::sum));
        for (int i = 0; i < batch.tokenCount(); i++) {
            histogram.add(batch.tokensAt(i));
        }
    }

    DatasetReport build(long lines, long bytes, TokenizerChoice tokenizer) {
        Map<String, DatasetReport.Issue> errorIssues = new HashMap<>();
        errors.forEach((kind, tally) -> errorIssues.put(kind, tally.toIssue()));
        Map<String, DatasetReport.Issue> warningIssues = new HashMap<>();
        warnings.forEach((kind, tally) -> warningIssues.put(kind, tally.toIssue()));

        String format = switch (formats.size()) {
            case 0 -> "unknown";
            case 1 -> formats.keySet().iterator().next().wireName();
            default -> {
                errorIssues.put(IssueKinds.MIXED_FORMATS, IssueTally.union(minorityFormats()));
                yield "mixed";
            }
        };
        if (examples == 0) {
            errorIssues.put(IssueKinds.EMPTY_FILE, new DatasetReport.Issue(1, List.of()));
        }
        boolean valid = errorIssues.isEmpty() && examples > 0;
        return new DatasetReport(format, lines, examples, bytes, valid, errorIssues, warningIssues,
                histogram.stats(tokenizer, billingLimits), roles);
    }

    /** Every format but the one most lines use; a tie goes to the format that appears first. */
    private List<IssueTally> minorityFormats() {
        ExampleFormat majority = null;
        for (Map.Entry<ExampleFormat, IssueTally> entry : formats.entrySet()) {
            IssueTally best = majority == null ? null : formats.get(majority);
            IssueTally tally = entry.getValue();
            if (best == null || tally.count() > best.count()
                    || tally.count() == best.count() && tally.firstLine() < best.firstLine()) {
                majority = entry.getKey();
            }
        }
        List<IssueTally> minority = new ArrayList<>();
        for (Map.Entry<ExampleFormat, IssueTally> entry : formats.entrySet()) {
            if (entry.getKey() != majority) {
                minority.add(entry.getValue());
            }
        }
        return minority;
    }

    private static <K> void mergeInto(Map<K, IssueTally> total, Map<K, IssueTally> later) {
        later.forEach((key, tally) -> total.computeIfAbsent(key, k -> new IssueTally()).addAll(tally));
    }
}
