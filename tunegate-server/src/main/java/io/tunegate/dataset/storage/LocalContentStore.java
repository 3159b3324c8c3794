package io.tunegate.dataset.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files under {@code <data-dir>/datasets}: {@code sha256/ab/abcdef....jsonl}, staged in {@code staging/}. */
public class LocalContentStore implements ContentStore {

    private final Path root;

    public LocalContentStore(Path root) throws IOException {
        this.root = root;
        Files.createDirectories(root.resolve("staging"));
    }

    @Override
    public Staging stage() throws IOException {
        Path file = Files.createTempFile(root.resolve("staging"), "upload-", ".part");
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
        return new Staging() {
            private boolean committed;

            @Override
            public OutputStream output() {
                return out;
            }

            @Override
            public String commit(String sha256) throws IOException {
                out.close();
                String key = "sha256/" + sha256.substring(0, 2) + "/" + sha256 + ".jsonl";
                Path target = root.resolve(key);
                Files.createDirectories(target.getParent());
                try {
                    Files.move(file, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (FileAlreadyExistsException sameBytes) {
                    Files.deleteIfExists(file);
                }
                committed = true;
                return key;
            }

            @Override
            public void close() throws IOException {
                out.close();
                if (!committed) {
                    Files.deleteIfExists(file);
                }
            }
        };
    }

    @Override
    public InputStream open(String key) throws IOException {
        Path file = root.resolve(key).normalize();
        if (!file.startsWith(root)) {
            throw new IOException("Key outside the store: " + key);
        }
        return Files.newInputStream(file);
    }
}
