package io.tunegate.dataset;

import io.tunegate.security.ProjectId;

import java.util.Optional;

/** What other modules may ask about datasets. */
public interface Datasets {

    /** The dataset a {@code ds-...} reference names in this project, if any. */
    Optional<DatasetSummary> find(ProjectId project, String reference);

    /**
     * Imports an {@code s3://bucket/key} object or an {@code https://} file as a dataset of the project:
     * streamed once through validation, token counting (with {@code baseModel}'s tokenizer) and content-addressed
     * storage, exactly like an upload, and recorded under the last path segment as its filename. Blocks for
     * the whole transfer. A {@code ds-...} reference is looked up instead. The summary may be of an invalid dataset.
     *
     * @throws DatasetImportException when the reference cannot be imported; {@link DatasetImportException#retryable()}
     *                                says whether a later try may succeed
     */
    DatasetSummary importReference(ProjectId project, String reference, String baseModel);

        /**
     * @param bytes  the file's size
     * @param tokens token figures for pricing
     */
    record DatasetSummary(String id, boolean valid, long examples, String format, String sha256, long bytes,
                          TokenFigures tokens) {
    }
}
