package io.tunegate.dataset.remote;

import io.tunegate.dataset.DatasetImportException;
import io.tunegate.dataset.s3.S3Clients;
import io.tunegate.platform.net.SafeHttpClients;
import org.springframework.stereotype.Component;

import java.io.IOException;

/** Opens a remote dataset reference for one streaming read. */
@Component
public class RemoteSources implements AutoCloseable {

    private final S3Source s3;
    private final HttpsSource https;

    public RemoteSources(S3Clients s3, SafeHttpClients http, RemoteSettings settings) {
        this.s3 = new S3Source(s3);
        this.https = new HttpsSource(http, settings);
    }

    /**
     * @throws DatasetImportException when the file cannot be opened or is declared larger than {@code maxBytes};
     *                                reading the returned body may still fail with {@link RemoteReadException}
     */
    public RemoteObject open(RemoteReference reference, long maxBytes) {
        SourceStream body = switch (reference) {
            case RemoteReference.S3Object object -> s3.open(object, maxBytes);
            case RemoteReference.HttpsUrl url -> https.open(url, maxBytes);
        };
        return new RemoteObject(reference.filename(), body);
    }

    @Override
    public void close() throws IOException {
        https.close();
    }
}
