package io.tunegate.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One event sent to one receiver, with every attempt.
 *
 * @param messageId the {@code webhook-id} header, the same on every attempt
 * @param url       a job's own {@code webhook_url} when the delivery goes there; null for the endpoint's url
 * @param status    {@code pending}, {@code succeeded} or {@code failed}
 */
public record WebhookDeliveryView(UUID id, String object, UUID endpointId, String messageId, String eventType,
                                  String url, String status, int attemptCount, Instant nextAttemptAt,
                                  List<Attempt> attempts, Instant createdAt, Instant updatedAt) {

    /**
     * @param responseCode the receiver's HTTP status; null when there was no answer (see {@code error})
     */
    public record Attempt(int attempt, Instant attemptedAt, boolean succeeded, Integer responseCode, long latencyMs,
                          String error) {
    }
}
