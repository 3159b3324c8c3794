package io.tunegate.provider.http;

import java.net.URI;
import java.net.http.HttpRequest;

/** Adds a provider's credentials to a request about to be sent. Implementations never log what they add. */
@FunctionalInterface
public interface RequestAuth {

    /**
     * @param body the exact payload when it is in memory (JSON), null when it is streamed (uploads); request
     *             signers (SigV4) hash it
     */
    void apply(HttpRequest.Builder request, String method, URI uri, String contentType, byte[] body);

    static RequestAuth bearer(String token) {
        return header("Authorization", "Bearer " + token);
    }

    static RequestAuth header(String name, String value) {
        return (request, method, uri, contentType, body) -> request.header(name, value);
    }

    /** For calls that carry their own credentials (pre-signed URLs). */
    RequestAuth NONE = (request, method, uri, contentType, body) -> { };
}
