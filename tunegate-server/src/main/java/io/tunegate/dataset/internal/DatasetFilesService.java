package io.tunegate.dataset.internal;

import io.tunegate.dataset.DatasetFiles;
import io.tunegate.dataset.DatasetRef;
import io.tunegate.dataset.DatasetView;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

/** {@link DatasetFiles} over the upload path and store behind {@code /v1/datasets}. */
@Service
class DatasetFilesService implements DatasetFiles {

    private final DatasetUploads uploads;
    private final DatasetContents contents;
    private final DatasetStore store;

    DatasetFilesService(DatasetUploads uploads, DatasetContents contents, DatasetStore store) {
        this.uploads = uploads;
        this.contents = contents;
        this.store = store;
    }

    @Override
    public DatasetView upload(ProjectId project, String filename, String baseModel, InputStream body)
            throws IOException {
        return uploads.upload(project, filename, baseModel, body);
    }

    @Override
    public DatasetView get(ProjectId project, String reference) {
        return uploads.get(project, reference);
    }

    @Override
    public ListPage<DatasetView> list(ProjectId project, String after, boolean ascending, int limit) {
        UUID cursor = after == null ? null : DatasetRef.parse(after)
                .orElseThrow(() -> ApiException.invalid("after", "must be the id of a file"));
        return ListPage.fromOverfetch(store.list(project.value(), cursor, ascending, limit + 1).stream()
                .map(d -> uploads.view(d, false)).toList(), limit, DatasetView::id);
    }

    @Override
    public Content open(ProjectId project, String reference) throws IOException {
        DatasetContents.Content content = contents.open(project, reference);
        return new Content(content.id(), content.filename(), content.bytes(), content.stream());
    }

    @Override
    public boolean delete(ProjectId project, String reference) {
        return DatasetRef.parse(reference).map(id -> store.delete(project.value(), id)).orElse(false);
    }
}
