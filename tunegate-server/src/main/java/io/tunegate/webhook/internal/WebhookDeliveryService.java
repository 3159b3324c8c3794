package io.tunegate.webhook.internal;

import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;
import io.tunegate.webhook.WebhookDeliveryView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An endpoint's deliveries with their attempts, and redelivery on request. */
@Service
public class WebhookDeliveryService {

    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final DeliveryQueue queue;
    private final Clock clock;

    WebhookDeliveryService(EndpointStore endpoints, DeliveryStore deliveries, DeliveryQueue queue, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.queue = queue;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public ListPage<WebhookDeliveryView> list(ProjectId project, UUID endpointId, UUID cursor, int limit) {
        endpoints.find(project.value(), endpointId)
                .orElseThrow(() -> ApiException.notFound("Webhook endpoint " + endpointId));
        List<DeliveryStore.Delivery> rows = deliveries.list(project.value(), endpointId, cursor, limit);
        Map<UUID, List<WebhookDeliveryView.Attempt>> attempts =
                deliveries.attempts(rows.stream().map(DeliveryStore.Delivery::id).toList());
        List<WebhookDeliveryView> views = rows.stream()
                .map(d -> view(d, attempts.getOrDefault(d.id(), List.of()))).toList();
        return ListPage.fromOverfetch(views, limit, v -> v.id().toString());
    }

    /** Makes the delivery due now, whatever its state: one more attempt with the same webhook-id. */
    @Transactional
    public WebhookDeliveryView retry(ProjectId project, UUID endpointId, UUID deliveryId) {
        DeliveryStore.Delivery delivery = deliveries.find(project.value(), endpointId, deliveryId)
                .orElseThrow(() -> ApiException.notFound("Webhook delivery " + deliveryId));
        Instant now = clock.instant();
        deliveries.retry(delivery.id(), now);
        queue.due(delivery.id(), now);
        DeliveryStore.Delivery due = deliveries.find(delivery.id()).orElseThrow();
        return view(due, deliveries.attempts(List.of(due.id())).getOrDefault(due.id(), List.of()));
    }

    private static WebhookDeliveryView view(DeliveryStore.Delivery d, List<WebhookDeliveryView.Attempt> attempts) {
        return new WebhookDeliveryView(d.id(), "webhook_delivery", d.endpointId(), d.messageId(), d.eventType(),
                d.jobUrl(), d.status(), d.attempts(), d.nextAttemptAt(), attempts, d.createdAt(), d.updatedAt());
    }
}
