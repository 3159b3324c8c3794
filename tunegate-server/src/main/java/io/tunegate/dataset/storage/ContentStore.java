package io.tunegate.dataset.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Content-addressed storage: bytes are written once to a staging area while they stream in, then filed
 * under their SHA-256, so the same file is stored once and a reference names the exact bytes.
 */
public interface ContentStore {

    /** Somewhere to write incoming bytes before their hash is known. */
    Staging stage() throws IOException;

    /** Opens stored content by its key. */
    InputStream open(String key) throws IOException;

    interface Staging extends AutoCloseable {

        OutputStream output();

        /** Files the staged bytes under their hash (keeping an identical copy if one exists) and returns the key. */
        String commit(String sha256) throws IOException;

        /** Discards the staged bytes unless they were committed. */
        @Override
        void close() throws IOException;
    }
}
