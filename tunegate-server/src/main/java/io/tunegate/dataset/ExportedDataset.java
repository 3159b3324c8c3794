package io.tunegate.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A dataset translated for one provider, in a temporary file that {@link #close()} deletes.
 *
 * @param filename a name for the provider's file list: the upload's name with the format in it
 * @param sha256   of the translated bytes (hex), so a provider file can be named by its content
 * @param format   the target format's id
 * @param written  examples written
 * @param skipped  examples the format could not express (left out, counted in the translation report)
 */
public record ExportedDataset(Path file, String filename, long bytes, String sha256, String format, long written,
                              long skipped) implements AutoCloseable {

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
