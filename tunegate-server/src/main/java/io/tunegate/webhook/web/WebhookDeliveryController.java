package io.tunegate.webhook.web;

import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;
import io.tunegate.webhook.WebhookDeliveryView;
import io.tunegate.webhook.internal.WebhookDeliveryService;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** {@code /v1/webhook-endpoints/{id}/deliveries}: every event sent to an endpoint, every attempt, and redelivery. */
@RestController
class WebhookDeliveryController {

    private final WebhookDeliveryService deliveries;

    WebhookDeliveryController(WebhookDeliveryService deliveries) {
        this.deliveries = deliveries;
    }

    /** Newest first; {@code cursor} is the last id of the previous page. */
    @GetMapping(path = "/v1/webhook-endpoints/{id}/deliveries", produces = MediaType.APPLICATION_JSON_VALUE)
    ListPage<WebhookDeliveryView> list(ProjectId project, @PathVariable String id,
                                       @RequestParam(required = false) String cursor,
                                       @RequestParam(defaultValue = "20") int limit) {
        UUID after = null;
        if (cursor != null) {
            try {
                after = UUID.fromString(cursor);
            } catch (IllegalArgumentException e) {
                throw ApiException.invalid("cursor", "must be the next_cursor of a previous page");
            }
        }
        return deliveries.list(project, uuid(id, "Webhook endpoint "), after, ListPage.limit(limit, 100));
    }

    @PostMapping(path = "/v1/webhook-endpoints/{id}/deliveries/{deliveryId}/retry",
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WebhookDeliveryView> retry(ProjectId project, @PathVariable String id,
                                              @PathVariable String deliveryId) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(deliveries.retry(project,
                uuid(id, "Webhook endpoint "), uuid(deliveryId, "Webhook delivery ")));
    }

    private static UUID uuid(String id, String what) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what + id);
        }
    }
}
