package io.tunegate.webhook;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An endpoint as the API shows it.
 *
 * @param eventTypes              the subscribed types; every type when empty
 * @param secret                  the signing secret, only in the answer that created or rotated it
 * @param previousSecretExpiresAt until when the secret replaced by the last rotation still signs; null if none
 */
public record WebhookEndpointView(UUID id, String object, String url, String description, List<String> eventTypes,
                                  boolean enabled, String disabledReason,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) String secret,
                                  Instant previousSecretExpiresAt, Instant createdAt, Instant updatedAt) {
}
