package io.tunegate.dataset.internal;

import io.tunegate.dataset.DatasetExportException;
import io.tunegate.dataset.DatasetExports;
import io.tunegate.dataset.DatasetRef;
import io.tunegate.dataset.ExportedDataset;
import io.tunegate.dataset.translation.ExampleKind;
import io.tunegate.dataset.translation.FormatTranslator;
import io.tunegate.dataset.translation.ProviderFormats;
import io.tunegate.dataset.translation.TargetChoice;
import io.tunegate.dataset.translation.TargetFormat;
import io.tunegate.dataset.translation.TranslationReport;
import io.tunegate.dataset.storage.ContentStore;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

/** Writes a dataset in a provider's format to a temporary file, hashing it on the way. */
@Service
class DatasetExporter implements DatasetExports {

    private final DatasetStore datasets;
    private final ContentStore store;
    private final FormatTranslator translator = new FormatTranslator();

    DatasetExporter(DatasetStore datasets, ContentStore store) {
        this.datasets = datasets;
        this.store = store;
    }

    @Override
    public ExportedDataset export(UUID projectId, String dataset, String provider, String providerModel) {
        DatasetRecord record = DatasetRef.parse(dataset).flatMap(id -> datasets.find(projectId, id))
                .orElseThrow(() -> new DatasetExportException("Dataset " + dataset + " no longer exists", false, null));
        TargetFormat target = target(record, provider, providerModel);
        Path file = null;
        try {
            file = Files.createTempFile("tunegate-export-", ".jsonl");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            TranslationReport report;
            try (InputStream in = store.open(record.storageKey());
                 OutputStream out = new DigestOutputStream(Files.newOutputStream(file), sha)) {
                report = translator.translate(in, out, target);
            }
            if (report.written() == 0) {
                throw new DatasetExportException("No example of " + dataset + " can be written in " + provider
                        + "'s format (" + target.id() + "): all " + report.skipped() + " were skipped; see GET /v1/datasets/"
                        + dataset + "/translations/" + target.id(), false, null);
            }
            ExportedDataset exported = new ExportedDataset(file, exportName(record.filename(), target), Files.size(file),
                    HexFormat.of().formatHex(sha.digest()), target.id(), report.written(), report.skipped());
            file = null;
            return exported;
        } catch (IOException e) {
            throw new DatasetExportException("Could not read dataset " + dataset + ": " + e.getMessage(), true, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static TargetFormat target(DatasetRecord record, String provider, String providerModel) {
        ExampleKind kind = ExampleKind.fromReportFormat(record.report().format()).orElseThrow(() ->
                new DatasetExportException("Dataset " + DatasetRef.of(record.id()) + " holds "
                        + record.report().format() + " examples, which no provider format takes", false, null));
        return switch (ProviderFormats.choose(provider, providerModel, kind)) {
            case TargetChoice.Found found -> found.format();
            case TargetChoice.None none -> throw new DatasetExportException(none.reason(), false, null);
        };
    }

    private static String exportName(String filename, TargetFormat target) {
        String base = filename == null || filename.isBlank() ? "data" : filename.replaceAll("\\.jsonl?$", "");
        return base.replaceAll("[^A-Za-z0-9._-]", "_") + "." + target.id() + ".jsonl";
    }
}
