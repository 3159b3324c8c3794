package io.tunegate.webhook.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A {@code webhook_endpoints} row. Its {@link #toString()} leaves the secrets out, so no log can show them. */
record EndpointRow(UUID id, UUID projectId, String url, String description, List<String> eventTypes, boolean enabled,
                   String disabledReason, String secret, String previousSecret, Instant previousSecretExpiresAt,
                   Instant createdAt, Instant updatedAt) {

    /** The secrets that sign a message sent at {@code now}: the current one, and the previous one while it overlaps. */
    List<String> signingSecrets(Instant now) {
        return previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)
                ? List.of(secret, previousSecret) : List.of(secret);
    }

    boolean subscribes(String eventType) {
        return eventTypes.isEmpty() || eventTypes.contains(eventType);
    }

    @Override
    public String toString() {
        return "EndpointRow[id=" + id + ", projectId=" + projectId + ", enabled=" + enabled + ", eventTypes="
                + eventTypes + "]";
    }
}
