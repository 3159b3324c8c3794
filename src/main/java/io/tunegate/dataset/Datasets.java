package io.tunegate.dataset;

import io.tunegate.security.ProjectId;

import java.util.Optional;

/** What other modules may ask about datasets. */
public interface Datasets {

    /** The dataset a {@code ds-...} reference names in this project, if any. */
    Optional<DatasetSummary> find(ProjectId project, String reference);

    /**
     * @param bytes  the file's size
     * @param tokens token figures for pricing
     */
    record DatasetSummary(String id, boolean valid, long examples, String format, String sha256, long bytes,
                          TokenFigures tokens) {
    }
}
