package io.tunegate.webhook.internal;

import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.io.entity.StringEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Makes one attempt of one delivery: signs the stored payload, POSTs it, records what happened and says when
 * the next attempt is due. Only a 2xx answer is a success; redirects are not followed (a receiver that moved
 * must be updated); 410 Gone disables the endpoint; {@code Retry-After} is honoured.
 */
@Component
class WebhookDeliverer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliverer.class);

    private final DeliveryStore deliveries;
    private final EndpointStore endpoints;
    private final WebhookTargets targets;
    private final RetrySchedule schedule;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final CloseableHttpClient http;

    WebhookDeliverer(DeliveryStore deliveries, EndpointStore endpoints, WebhookTargets targets,
                     WebhookSettings settings, TransactionTemplate transactions, Clock clock) {
        this.deliveries = deliveries;
        this.endpoints = endpoints;
        this.targets = targets;
        this.schedule = new RetrySchedule(settings.retrySchedule(), () -> ThreadLocalRandom.current().nextDouble());
        this.transactions = transactions;
        this.clock = clock;
        this.http = targets.clients().create(settings.timeout(), settings.timeout());
    }

    /** @return when to try again; empty when the delivery is over (delivered, failed, or gone) */
    Optional<Instant> attempt(UUID deliveryId) {
        Optional<DeliveryStore.Delivery> found = deliveries.find(deliveryId);
        if (found.isEmpty() || !found.get().status().equals("pending")) {
            return Optional.empty();
        }
        DeliveryStore.Delivery delivery = found.get();
        Optional<EndpointRow> endpoint = endpoints.find(delivery.endpointId());
        Instant now = clock.instant();
        if (endpoint.isEmpty()) {
            return Optional.empty();
        }
        if (delivery.jobUrl() == null && !endpoint.get().enabled()) {
            deliveries.fail(deliveryId, now);
            return Optional.empty();
        }
        if (delivery.nextAttemptAt() != null && delivery.nextAttemptAt().isAfter(now.plusSeconds(1))) {
            return Optional.of(delivery.nextAttemptAt()); // woken early (a manual retry raced a schedule)
        }
        String url = delivery.jobUrl() != null ? delivery.jobUrl() : endpoint.get().url();
        int attempt = delivery.attempts() + 1;
        Outcome outcome = send(url, delivery, endpoint.get(), now);

        boolean gone = outcome.code() != null && outcome.code() == 410;
        Optional<Instant> next = outcome.succeeded() || gone || outcome.permanent() ? Optional.empty()
                : schedule.next(attempt, clock.instant(), outcome.retryAfter());
        String status = outcome.succeeded() ? "succeeded" : next.isPresent() ? "pending" : "failed";
        transactions.executeWithoutResult(tx -> {
            deliveries.recordAttempt(deliveryId, attempt, now, outcome.succeeded(), outcome.code(),
                    outcome.latency().toMillis(), outcome.error(), status, next.orElse(null));
            if (gone && delivery.jobUrl() == null) {
                endpoints.disable(delivery.endpointId(), "the receiver answered 410 Gone", clock.instant());
            }
        });
        if (!outcome.succeeded()) {
            log.debug("Webhook delivery {} attempt {} failed ({}); {}", deliveryId, attempt,
                    outcome.code() != null ? outcome.code() : outcome.error(),
                    next.map(at -> "next at " + at).orElse("no more attempts"));
        }
        return next;
    }

    private Outcome send(String url, DeliveryStore.Delivery delivery, EndpointRow endpoint, Instant now) {
        long started = System.nanoTime();
        Optional<String> refusal = targets.refusal(url);
        if (refusal.isPresent()) {
            return new Outcome(false, null, Duration.ZERO, "refused: " + refusal.get(), null, true);
        }
        HttpPost post = new HttpPost(url);
        WebhookSigner.headers(delivery.messageId(), now, delivery.payload(), endpoint.signingSecrets(now))
                .forEach(post::setHeader);
        post.setEntity(new StringEntity(delivery.payload(), ContentType.APPLICATION_JSON));
        try {
            return http.execute(post, response -> {
                Duration latency = Duration.ofNanos(System.nanoTime() - started);
                EntityUtils.consumeQuietly(response.getEntity());
                int code = response.getCode();
                boolean ok = code >= 200 && code < 300;
                return new Outcome(ok, code, latency, ok ? null : "HTTP " + code, retryAfter(response), false);
            });
        } catch (IOException e) {
            // the message names the host or the refusal, never the body or a secret
            return new Outcome(false, null, Duration.ofNanos(System.nanoTime() - started),
                    e.getClass().getSimpleName() + ": " + e.getMessage(), null,
                    e instanceof io.tunegate.platform.net.BlockedAddressException);
        }
    }

    /** Seconds or an HTTP date (RFC 9110); anything else is ignored. */
    static Duration retryAfter(ClassicHttpResponse response) {
        Header header = response.getFirstHeader("Retry-After");
        if (header == null || header.getValue() == null) {
            return null;
        }
        String value = header.getValue().strip();
        try {
            long seconds = Long.parseLong(value);
            return seconds < 0 ? null : Duration.ofSeconds(seconds);
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration wait = Duration.between(Instant.now(), at);
                return wait.isNegative() ? null : wait;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    @Override
    public void destroy() throws IOException {
        http.close();
    }

    /** @param permanent retrying cannot help (the address is refused): the delivery fails at once */
    record Outcome(boolean succeeded, Integer code, Duration latency, String error, Duration retryAfter,
                   boolean permanent) {
    }
}
