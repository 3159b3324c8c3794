package io.tunegate.dataset.remote;

import java.io.IOException;
import java.io.InputStream;

/** An opened remote file: a name for the dataset and its body, read once. */
public record RemoteObject(String filename, InputStream body) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        body.close();
    }
}
