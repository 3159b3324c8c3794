package io.tunegate.dataset.internal;

import io.tunegate.dataset.DatasetRef;
import io.tunegate.dataset.storage.ContentStore;
import io.tunegate.dataset.translation.FormatTranslator;
import io.tunegate.dataset.translation.TargetFormat;
import io.tunegate.dataset.translation.TranslationReport;
import io.tunegate.platform.web.ApiException;
import io.tunegate.security.ProjectId;
import org.springframework.stereotype.Service;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/** A dataset's stored bytes, as uploaded or translated into a provider's format, streamed. */
@Service
public class DatasetContents {

    private final DatasetStore datasets;
    private final ContentStore store;
    private final FormatTranslator translator = new FormatTranslator();

    DatasetContents(DatasetStore datasets, ContentStore store) {
        this.datasets = datasets;
        this.store = store;
    }

    /** The stored bytes of a dataset of this project, open for reading; the caller closes them. */
    public Content open(ProjectId project, String reference) throws IOException {
        DatasetRecord dataset = DatasetRef.parse(reference).flatMap(id -> datasets.find(project.value(), id))
                .orElseThrow(() -> ApiException.notFound("Dataset " + reference));
        return new Content(DatasetRef.of(dataset.id()), dataset.filename(), dataset.bytes(),
                store.open(dataset.storageKey()));
    }

    public TranslationReport translate(Content content, TargetFormat target, OutputStream out) throws IOException {
        return translator.translate(content.stream(), out, target);
    }

    /** What a translation would write and skip, without keeping the output. */
    public TranslationReport report(ProjectId project, String reference, TargetFormat target) throws IOException {
        try (Content content = open(project, reference)) {
            return translate(content, target, OutputStream.nullOutputStream());
        }
    }

    /** @param bytes the stored size, which is also the length of the untranslated content */
    public record Content(String id, String filename, long bytes, InputStream stream) implements Closeable {

        @Override
        public void close() throws IOException {
            stream.close();
        }
    }
}
