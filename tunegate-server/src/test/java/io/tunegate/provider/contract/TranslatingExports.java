package io.tunegate.provider.contract;

import io.tunegate.dataset.DatasetExportException;
import io.tunegate.dataset.DatasetExports;
import io.tunegate.dataset.ExportedDataset;
import io.tunegate.dataset.translation.ExampleKind;
import io.tunegate.dataset.translation.FormatTranslator;
import io.tunegate.dataset.translation.ProviderFormats;
import io.tunegate.dataset.translation.TargetChoice;
import io.tunegate.dataset.translation.TargetFormat;
import io.tunegate.dataset.translation.TranslationReport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The dataset side of adapter tests: a fixed chat dataset translated by the real translator into the format
 * the provider trains on, as {@code DatasetExporter} does from storage. Adapter tests need no database.
 */
public final class TranslatingExports implements DatasetExports {

    /** Ten chat examples, one with a system message. */
    public static final String CHAT = """
            {"messages": [{"role": "system", "content": "You answer tersely."}, {"role": "user", "content": "2+2?"}, {"role": "assistant", "content": "4"}]}
            {"messages": [{"role": "user", "content": "Capital of France?"}, {"role": "assistant", "content": "Paris."}]}
            {"messages": [{"role": "user", "content": "Colour of the sky?"}, {"role": "assistant", "content": "Blue, mostly."}]}
            {"messages": [{"role": "user", "content": "3+3?"}, {"role": "assistant", "content": "6"}]}
            {"messages": [{"role": "user", "content": "Capital of Spain?"}, {"role": "assistant", "content": "Madrid."}]}
            {"messages": [{"role": "user", "content": "Colour of grass?"}, {"role": "assistant", "content": "Green."}]}
            {"messages": [{"role": "user", "content": "4+4?"}, {"role": "assistant", "content": "8"}]}
            {"messages": [{"role": "user", "content": "Capital of Italy?"}, {"role": "assistant", "content": "Rome."}]}
            {"messages": [{"role": "user", "content": "Colour of snow?"}, {"role": "assistant", "content": "White."}]}
            {"messages": [{"role": "user", "content": "5+5?"}, {"role": "assistant", "content": "10"}]}
            """;

    @Override
    public ExportedDataset export(UUID projectId, String dataset, String provider, String providerModel) {
        TargetFormat target = switch (ProviderFormats.choose(provider, providerModel, ExampleKind.CHAT)) {
            case TargetChoice.Found found -> found.format();
            case TargetChoice.None none -> throw new DatasetExportException(none.reason(), false, null);
        };
        try {
            Path file = Files.createTempFile("contract-", ".jsonl");
            TranslationReport report;
            try (OutputStream out = Files.newOutputStream(file)) {
                report = new FormatTranslator().translate(
                        new ByteArrayInputStream(CHAT.getBytes(StandardCharsets.UTF_8)), out, target);
            }
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
            return new ExportedDataset(file, "train." + target.id() + ".jsonl", Files.size(file), sha, target.id(),
                    report.written(), report.skipped());
        } catch (IOException | java.security.NoSuchAlgorithmException e) {
            throw new DatasetExportException(e.getMessage(), true, e);
        }
    }
}
