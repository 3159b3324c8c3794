package io.tunegate.webhook.internal;

import io.tunegate.platform.net.SafeHttpClients;

import java.net.URI;
import java.util.Optional;

/**
 * The address rules for receivers: checked when an endpoint is saved (scheme, IP literals) and again at each
 * connection through {@link SafeHttpClients}, so a name that later resolves elsewhere cannot slip through.
 */
public record WebhookTargets(SafeHttpClients clients) {

    /** Why {@code url} cannot be a receiver, safe to show; empty if it may be. */
    public Optional<String> refusal(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            return Optional.of("must be an absolute http(s) URL");
        }
        if (uri.getRawFragment() != null) {
            return Optional.of("must not have a fragment");
        }
        return clients.checkTarget(uri);
    }
}
