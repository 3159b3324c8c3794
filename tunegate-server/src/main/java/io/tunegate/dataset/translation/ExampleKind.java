package io.tunegate.dataset.translation;

import java.util.Arrays;
import java.util.Optional;

/** The canonical kinds of example a dataset holds, named as the validation report names them. */
public enum ExampleKind {
    /** OpenAI chat: {@code messages}, optional {@code tools}, assistant {@code weight}. */
    CHAT("chat"),
    /** OpenAI DPO: {@code input.messages}, {@code preferred_output}, {@code non_preferred_output}. */
    PREFERENCE("preference"),
    /** {@code prompt} and {@code completion} strings. */
    PROMPT_COMPLETION("prompt_completion");

    private final String reportName;

    ExampleKind(String reportName) {
        this.reportName = reportName;
    }

    /** As in {@code DatasetReport.format()}. */
    public String reportName() {
        return reportName;
    }

    /** The kind of a validated dataset; empty for "mixed", "unknown" and anything else. */
    public static Optional<ExampleKind> fromReportFormat(String format) {
        return Arrays.stream(values()).filter(k -> k.reportName.equals(format)).findFirst();
    }
}
