package io.tunegate.cli.render;

import io.tunegate.client.model.Dataset;
import io.tunegate.client.model.Page;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** A dataset's validation report for people: a summary, then errors, warnings and provider checks as tables. */
public final class DatasetText {

    private DatasetText() {
    }

    public static String details(Dataset dataset) {
        StringBuilder out = new StringBuilder();
        out.append("Dataset ").append(dataset.id()).append("  ").append(dataset.filename()).append("  ")
                .append(dataset.status() == null ? "-" : dataset.status().toUpperCase(Locale.ROOT)).append('\n');
        Dataset.Report report = dataset.report();
        String format = report != null ? report.format() : dataset.format();
        out.append("  format    ").append(format).append('\n');
        out.append("  examples  ").append(Formats.count(dataset.examples()));
        if (report != null) {
            out.append(" (").append(Formats.count(report.lines())).append(" lines)");
        }
        out.append('\n');
        out.append("  size      ").append(Formats.bytes(dataset.bytes())).append("  sha256 ").append(dataset.sha256())
                .append('\n');
        if (dataset.baseModel() != null) {
            out.append("  for       ").append(dataset.baseModel()).append('\n');
        }
        if (report != null && report.tokens() != null) {
            Dataset.TokenStats t = report.tokens();
            out.append("  tokens    ").append(Formats.count(t.total())).append(" (").append(t.exactness())
                    .append(", ").append(t.tokenizer()).append("); per example min ").append(Formats.count(t.min()))
                    .append(", mean ").append(String.format(Locale.ROOT, "%.1f", t.mean()))
                    .append(", p50 ").append(Formats.count(t.p50())).append(", p95 ").append(Formats.count(t.p95()))
                    .append(", max ").append(Formats.count(t.max())).append('\n');
            out.append("  billable  ").append(Formats.count(t.billablePerEpoch())).append(" per epoch at ")
                    .append(Formats.count(t.limitPerExample())).append(" tokens per example; ")
                    .append(Formats.count(t.overLimit())).append(" examples over it\n");
        }
        if (report != null && !report.roles().isEmpty()) {
            out.append("  roles     ").append(new java.util.TreeMap<>(report.roles()).entrySet().stream()
                    .map(e -> e.getKey() + " " + Formats.count(e.getValue())).collect(Collectors.joining(", ")))
                    .append('\n');
        }
        if (report != null) {
            issues(out, "Errors (the file cannot be used until they are fixed)", report.errors());
            issues(out, "Warnings", report.warnings());
        }
        if (!dataset.providerChecks().isEmpty()) {
            out.append("\nProvider checks\n");
            Table table = Table.of("PROVIDER", "MODEL", "OK", "PROBLEMS AND WARNINGS");
            for (Dataset.ProviderCheck check : dataset.providerChecks()) {
                List<String> notes = new java.util.ArrayList<>(check.problems());
                notes.addAll(check.warnings());
                table.row(check.provider(), check.providerModel(), check.ok() ? "yes" : "no",
                        notes.isEmpty() ? "" : String.join("; ", notes));
            }
            out.append(table.render());
        }
        return out.toString();
    }

    private static void issues(StringBuilder out, String title, Map<String, Dataset.Issue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        out.append('\n').append(title).append('\n');
        Table table = Table.of("KIND", "LINES", "FIRST LINE NUMBERS").left(2);
        issues.forEach((kind, issue) -> table.row(kind, Formats.count(issue.count()), lineNumbers(issue)));
        out.append(table.render());
    }

    /** The line numbers the report kept (the first 20), with an ellipsis when there are more. */
    static String lineNumbers(Dataset.Issue issue) {
        String numbers = issue.lines().stream().map(String::valueOf).collect(Collectors.joining(", "));
        return issue.count() > issue.lines().size() ? numbers + ", ..." : numbers;
    }

    public static String list(Page<Dataset> page) {
        if (page.data().isEmpty()) {
            return "No datasets.\n";
        }
        Table table = Table.of("ID", "FILENAME", "STATUS", "FORMAT", "EXAMPLES", "SIZE", "CREATED");
        for (Dataset d : page.data()) {
            table.row(d.id(), d.filename(), d.status(), d.format(), Formats.count(d.examples()),
                    Formats.bytes(d.bytes()), Formats.time(d.createdAt()));
        }
        String text = table.render();
        return page.hasMore() ? text + "More: --cursor " + page.nextCursor() + "\n" : text;
    }
}
