package io.tunegate.webhook.internal;

import io.tunegate.platform.Ids;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ProblemType;
import io.tunegate.security.ProjectId;
import io.tunegate.webhook.WebhookEndpointView;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Creating, changing and removing a project's webhook endpoints; input is already validated by the caller. */
@Service
public class WebhookEndpointService {

    /** Per project: enough for every real use, and a bound on the fan-out of one event. */
    public static final int MAX_ENDPOINTS = 20;

    private final EndpointStore store;
    private final WebhookSettings settings;
    private final Clock clock;

    WebhookEndpointService(EndpointStore store, WebhookSettings settings, Clock clock) {
        this.store = store;
        this.settings = settings;
        this.clock = clock;
    }

    /** The change a PATCH asks for; null fields are left as they are. */
    public record Change(String url, String description, List<String> eventTypes, Boolean enabled,
                         boolean rotateSecret) {
    }

    @Transactional
    public WebhookEndpointView create(ProjectId project, String url, String description, List<String> eventTypes) {
        if (store.count(project.value()) >= MAX_ENDPOINTS) {
            throw new ApiException(ProblemType.CONFLICT,
                    "A project can have at most " + MAX_ENDPOINTS + " webhook endpoints; delete one first.");
        }
        Instant now = clock.instant();
        EndpointRow row = new EndpointRow(Ids.newId(), project.value(), url, description, eventTypes, true, null,
                WebhookSecret.generate(), null, null, now, now);
        store.insert(row);
        return view(row, true, now);
    }

    @Transactional(readOnly = true)
    public List<WebhookEndpointView> list(ProjectId project) {
        Instant now = clock.instant();
        return store.list(project.value()).stream().map(r -> view(r, false, now)).toList();
    }

    @Transactional(readOnly = true)
    public WebhookEndpointView get(ProjectId project, UUID id) {
        return view(find(project, id), false, clock.instant());
    }

    @Transactional
    public WebhookEndpointView change(ProjectId project, UUID id, Change change) {
        EndpointRow row = store.lock(project.value(), id).orElseThrow(() -> notFound(id));
        Instant now = clock.instant();
        boolean enabled = change.enabled() != null ? change.enabled() : row.enabled();
        // re-enabling (after a 410 Gone, say) forgets why it was disabled
        String disabledReason = enabled ? null : change.enabled() != null && row.enabled() ? "disabled by request"
                : row.disabledReason();
        String secret = row.secret();
        String previous = row.previousSecret();
        Instant previousExpires = row.previousSecretExpiresAt();
        if (change.rotateSecret()) {
            previous = secret;
            previousExpires = now.plus(settings.secretOverlap());
            secret = WebhookSecret.generate();
        } else if (previousExpires != null && !now.isBefore(previousExpires)) {
            previous = null;
            previousExpires = null;
        }
        EndpointRow changed = new EndpointRow(row.id(), row.projectId(),
                change.url() != null ? change.url() : row.url(),
                change.description() != null ? change.description() : row.description(),
                change.eventTypes() != null ? change.eventTypes() : row.eventTypes(),
                enabled, disabledReason, secret, previous, previousExpires, row.createdAt(), now);
        store.update(changed);
        return view(changed, change.rotateSecret(), now);
    }

    @Transactional
    public void delete(ProjectId project, UUID id) {
        if (!store.delete(project.value(), id)) {
            throw notFound(id);
        }
    }

    private EndpointRow find(ProjectId project, UUID id) {
        return store.find(project.value(), id).orElseThrow(() -> notFound(id));
    }

    private static ApiException notFound(UUID id) {
        return ApiException.notFound("Webhook endpoint " + id);
    }

    private static WebhookEndpointView view(EndpointRow r, boolean showSecret, Instant now) {
        Instant overlap = r.previousSecretExpiresAt() != null && now.isBefore(r.previousSecretExpiresAt())
                ? r.previousSecretExpiresAt() : null;
        return new WebhookEndpointView(r.id(), "webhook_endpoint", r.url(), r.description(), r.eventTypes(),
                r.enabled(), r.disabledReason(), showSecret ? r.secret() : null, overlap, r.createdAt(),
                r.updatedAt());
    }
}
