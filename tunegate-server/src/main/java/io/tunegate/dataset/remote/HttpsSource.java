package io.tunegate.dataset.remote;

import io.tunegate.dataset.DatasetImportException;
import io.tunegate.platform.net.BlockedAddressException;
import io.tunegate.platform.net.SafeHttpClients;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;

import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Set;

/**
 * Downloads {@code https://} files through a {@link SafeHttpClients} client: only allowed addresses are
 * connected to, redirects are followed by hand (at most {@code maxRedirects}, each target checked again),
 * and a declared size over the limit is refused before any byte is read.
 */
final class HttpsSource implements AutoCloseable {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final SafeHttpClients clients;
    private final CloseableHttpClient http;
    private final int maxRedirects;

    HttpsSource(SafeHttpClients clients, RemoteSettings settings) {
        this.clients = clients;
        this.http = clients.create(settings.connectTimeout(), settings.readTimeout());
        this.maxRedirects = settings.maxRedirects();
    }

    SourceStream open(RemoteReference.HttpsUrl ref, long maxBytes) {
        URI target = ref.uri();
        for (int redirects = 0; ; redirects++) {
            String where = ref.display() + (redirects == 0 ? "" : " (redirected to " + RemoteReference.HttpsUrl.display(target) + ")");
            clients.checkTarget(target).ifPresent(problem -> {
                throw DatasetImportException.permanent(where + ": " + problem);
            });
            HttpGet request = new HttpGet(target);
            ClassicHttpResponse response = execute(request, where);
            int status = response.getCode();
            if (REDIRECTS.contains(status)) {
                Header location = response.getFirstHeader("Location");
                discard(request, response);
                if (location == null) {
                    throw DatasetImportException.permanent(where + ": HTTP " + status + " without a Location");
                }
                if (redirects == maxRedirects) {
                    throw DatasetImportException.permanent(where + ": more than " + maxRedirects + " redirects");
                }
                target = resolve(target, location.getValue(), where);
                continue;
            }
            if (status < 200 || status > 299) {
                discard(request, response);
                String answer = where + ": the server answered HTTP " + status;
                boolean retryable = status >= 500 || status == 408 || status == 425 || status == 429;
                throw new DatasetImportException(answer, retryable);
            }
            HttpEntity entity = response.getEntity();
            long length = entity == null ? 0 : entity.getContentLength();
            if (length > maxBytes) {
                discard(request, response);
                throw DatasetImportException.permanent(where + ": the file has " + length
                        + " bytes, more than the limit of " + maxBytes);
            }
            InputStream body = entity == null ? InputStream.nullInputStream() : content(entity, request, response, where);
            return new SourceStream(body, ref.display(), () -> discard(request, response));
        }
    }

    private ClassicHttpResponse execute(HttpGet request, String where) {
        try {
            return http.executeOpen(null, request, null);
        } catch (BlockedAddressException e) {
            throw DatasetImportException.permanent(where + ": " + e.getMessage());
        } catch (SSLHandshakeException e) {
            throw DatasetImportException.permanent(where + ": the TLS handshake failed (is the certificate valid"
                    + " for this host and issued by a trusted authority?)");
        } catch (SocketTimeoutException e) { // connect timeouts included
            throw DatasetImportException.retryable(where + ": timed out");
        } catch (UnknownHostException e) {
            throw DatasetImportException.retryable(where + ": the host name could not be resolved");
        } catch (IOException e) {
            throw DatasetImportException.retryable(where + ": could not connect (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static InputStream content(HttpEntity entity, HttpGet request, ClassicHttpResponse response, String where) {
        try {
            return entity.getContent();
        } catch (IOException e) {
            discard(request, response);
            throw DatasetImportException.retryable(where + ": reading failed (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static URI resolve(URI base, String location, String where) {
        try {
            return base.resolve(new URI(location));
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw DatasetImportException.permanent(where + ": redirected to an invalid URL");
        }
    }

    /** Drops the connection instead of reading the rest of a body nobody wants. */
    private static void discard(HttpGet request, ClassicHttpResponse response) {
        request.cancel();
        try {
            response.close();
        } catch (IOException ignored) {
            // the connection is gone either way
        }
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
