package io.tunegate.provider.vertex;

import com.google.auth.Retryable;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.http.RequestAuth;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * OAuth2 access tokens for Google APIs from a credentials JSON (a service-account key: google-auth-library signs a
 * JWT and exchanges it at the key's {@code token_uri}, then refreshes the token itself before it expires). The
 * library's own retries are switched off: the gateway's resilience retries transient failures, once.
 */
final class VertexAuth implements RequestAuth {

    static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

    private final GoogleCredentials credentials;

    VertexAuth(GoogleCredentials credentials) {
        this.credentials = credentials;
    }

    static VertexAuth fromFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            GoogleCredentials credentials = GoogleCredentials.fromStream(in);
            if (credentials instanceof ServiceAccountCredentials account) {
                credentials = account.createWithCustomRetryStrategy(false);
            }
            return new VertexAuth(credentials.createScoped(List.of(SCOPE)));
        } catch (IOException e) {
            // the path is configuration, not a secret; the file's content never reaches the message
            throw new UncheckedIOException("Vertex AI credentials file " + file + " cannot be read as Google "
                    + "credentials: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public void apply(HttpRequest.Builder request, String method, URI uri, String contentType, byte[] body) {
        Map<String, List<String>> headers;
        try {
            headers = credentials.getRequestMetadata(uri);
        } catch (IOException e) {
            String why = "Could not get a Google access token: " + e.getMessage();
            if (e instanceof Retryable retryable && !retryable.isRetryable()) {
                throw new PermanentProviderException(VertexAdapter.ID, "unauthenticated", why, e);
            }
            throw new TransientProviderException(VertexAdapter.ID, why, null, e);
        }
        headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    }
}
