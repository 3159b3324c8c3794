package io.tunegate.provider.http;

import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderException;
import io.tunegate.provider.TransientProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;

/**
 * The HTTP boundary of one provider adapter: sends requests with the provider's credentials and a time limit,
 * and turns every failure into a {@link TransientProviderException} (timeouts, resets, 408, 429, 5xx, bodies
 * that are not JSON) or a {@link PermanentProviderException} (other 4xx), carrying the provider's own code,
 * message and retry hints. Nothing else escapes, so a bad answer fails one call and nothing more.
 *
 * <p>Redirects are never followed (Together's upload answers 302 on purpose; see {@link #exchange}).
 */
public final class ProviderHttp {

    private static final Logger log = LoggerFactory.getLogger(ProviderHttp.class);
    public static final String JSON = "application/json";

    private final String provider;
    private final HttpClient client;
    private final RequestAuth auth;
    private final Duration timeout;
    private final Clock clock;
    private final ObjectMapper json = JsonMapper.builder().build();

    public ProviderHttp(String provider, HttpClient client, RequestAuth auth, Duration timeout, Clock clock) {
        this.provider = provider;
        this.client = client;
        this.auth = auth;
        this.timeout = timeout;
        this.clock = clock;
    }

    /** A client for provider APIs: HTTP/1.1, no redirects, bounded connect time. */
    public static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(connectTimeout)
                .build();
    }

    public ObjectMapper json() {
        return json;
    }

    public JsonNode get(URI uri) {
        return send("GET", uri, null, null, timeout);
    }

    public JsonNode delete(URI uri) {
        return send("DELETE", uri, null, null, timeout);
    }

    /** A POST without a body (cancel, stop, start). */
    public JsonNode post(URI uri) {
        return send("POST", uri, null, null, timeout);
    }

    /** A JSON POST; {@code body} is a {@code JsonNode}, a map or a record, written as it is named. */
    public JsonNode postJson(URI uri, Object body) {
        return sendJson("POST", uri, body);
    }

    public JsonNode sendJson(String method, URI uri, Object body) {
        return send(method, uri, JSON, json.writeValueAsBytes(body), timeout);
    }

    /** Sends an in-memory body; {@code contentType} and {@code body} may be null for none. */
    public JsonNode send(String method, URI uri, String contentType, byte[] body, Duration limit) {
        BodyPublisher publisher = body == null ? BodyPublishers.noBody() : BodyPublishers.ofByteArray(body);
        return parse(method, uri, checked(exchange(method, uri, contentType, publisher, body, limit)));
    }

    /** Sends a streamed body (an upload), which request signers cannot hash. */
    public JsonNode upload(String method, URI uri, String contentType, BodyPublisher body, RequestAuth credentials,
                           Duration limit) {
        return parse(method, uri, checked(exchange(method, uri, contentType, body, null, credentials, limit)));
    }

    /**
     * Sends a request and returns whatever status came back, for the few answers an adapter reads itself (a
     * 302 with a pre-signed URL, a 409 meaning "already created"). Network failures still throw. Pass the
     * response to {@link #checked} for everything else.
     */
    public HttpResponse<String> exchange(String method, URI uri, String contentType, BodyPublisher body,
                                         byte[] bodyForSigning, Duration limit) {
        return exchange(method, uri, contentType, body, bodyForSigning, auth, limit);
    }

    private HttpResponse<String> exchange(String method, URI uri, String contentType, BodyPublisher body,
                                          byte[] bodyForSigning, RequestAuth credentials, Duration limit) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(limit).method(method, body)
                .header("Accept", JSON);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        credentials.apply(request, method, uri, contentType, bodyForSigning);
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            log.debug("{} {} {} -> {} in {} ms", provider, method, uri.getPath(), response.statusCode(),
                    (System.nanoTime() - started) / 1_000_000);
            return response;
        } catch (HttpTimeoutException e) {
            throw new TransientProviderException(provider, provider + " did not answer " + method + " "
                    + uri.getPath() + " within " + limit.toSeconds() + " s", null, e);
        } catch (IOException e) {
            throw new TransientProviderException(provider, "Could not reach " + provider + " (" + method + " "
                    + uri.getPath() + "): " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientProviderException(provider, "Call to " + provider + " was interrupted", null, e);
        }
    }

    /** Returns a 2xx response as it is; anything else becomes the matching {@link ProviderException}. */
    public HttpResponse<String> checked(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return response;
        }
        String path = response.request().method() + " " + response.request().uri().getPath();
        ErrorBodies.Described error = ErrorBodies.describe(status, tryParse(response.body()), response.body(),
                response.headers());
        boolean transientStatus = status == 408 || status == 429 || status >= 500;
        // OpenAI's x-should-retry overrides what the status alone would say
        if (RetryHints.shouldRetry(response.headers()).orElse(transientStatus)) {
            throw new TransientProviderException(provider, provider + " answered HTTP " + status + " to " + path
                    + " (" + error.code() + "): " + error.message(),
                    RetryHints.retryAfter(response.headers(), clock).orElse(null), null);
        }
        throw new PermanentProviderException(provider, error.code(), error.message());
    }

    /** The body of a 2xx response as JSON; an empty body is an empty object, anything unreadable is transient. */
    public JsonNode parse(String method, URI uri, HttpResponse<String> response) {
        String body = response.body();
        if (body == null || body.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(body);
        } catch (JacksonException e) {
            throw new TransientProviderException(provider, provider + " answered " + method + " " + uri.getPath()
                    + " with HTTP " + response.statusCode() + " and a body that is not JSON", null, e);
        }
    }

    private JsonNode tryParse(String body) {
        try {
            return body == null || body.isBlank() ? null : json.readTree(body);
        } catch (JacksonException e) {
            return null;
        }
    }

    public String provider() {
        return provider;
    }
}
