package io.tunegate.dataset;

import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

/**
 * Datasets as files, for surfaces other than {@code /v1/datasets} (the OpenAI-compatible {@code /files}):
 * the same streamed upload, validation and counting, always within one project. Refusals are
 * {@code ApiException}s, as on {@code /v1}.
 */
public interface DatasetFiles {

    /** A dataset's stored bytes, open for reading; the caller closes them. */
    record Content(String id, String filename, long bytes, InputStream stream) implements Closeable {

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }

    /** Streams {@code body} through validation, token counting and storage (never held in memory). */
    DatasetView upload(ProjectId project, String filename, String baseModel, InputStream body) throws IOException;

    /** With its report; 404 when the project has no such dataset. */
    DatasetView get(ProjectId project, String reference);

    /**
     * Without reports, newest first (or oldest first with {@code ascending}), after the dataset {@code after}
     * in that order when given.
     */
    ListPage<DatasetView> list(ProjectId project, String after, boolean ascending, int limit);

    Content open(ProjectId project, String reference) throws IOException;

    /**
     * Forgets the dataset: it is no longer listed, read or accepted by new jobs. Its bytes stay in the
     * content-addressed store, where other datasets with the same content may share them.
     *
     * @return whether the project had it
     */
    boolean delete(ProjectId project, String reference);
}
