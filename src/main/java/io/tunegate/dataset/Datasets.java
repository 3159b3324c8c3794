package io.tunegate.dataset;

import io.tunegate.security.ProjectId;

import java.util.Optional;

/** What other modules may ask about datasets. */
public interface Datasets {

    /** The dataset a {@code ds-...} reference names in this project, if any. */
    Optional<DatasetSummary> find(ProjectId project, String reference);

    record DatasetSummary(String id, boolean valid, long examples, String format, String sha256,
                          long billableTokensPerEpoch) {
    }
}
