package io.tunegate.webhook.web;

import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.FieldViolation;
import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;
import io.tunegate.webhook.WebhookEndpointView;
import io.tunegate.webhook.WebhookEventType;
import io.tunegate.webhook.internal.WebhookEndpointService;
import io.tunegate.webhook.internal.WebhookTargets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/** {@code /v1/webhook-endpoints}: where a project's events are sent, and the secret they are signed with. */
@RestController
class WebhookEndpointController {

    private static final int MAX_URL_LENGTH = 2048;
    private static final int MAX_DESCRIPTION_LENGTH = 500;

    record CreateEndpoint(String url, String description, List<String> eventTypes) {
    }

    record ChangeEndpoint(String url, String description, List<String> eventTypes, Boolean enabled,
                          Boolean rotateSecret) {
    }

    private final WebhookEndpointService endpoints;
    private final WebhookTargets targets;

    WebhookEndpointController(WebhookEndpointService endpoints, WebhookTargets targets) {
        this.endpoints = endpoints;
        this.targets = targets;
    }

    @PostMapping(path = "/v1/webhook-endpoints", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<WebhookEndpointView> create(ProjectId project, @RequestBody CreateEndpoint request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (request.url() == null || request.url().isBlank()) {
            violations.add(new FieldViolation("url", "is required"));
        }
        checkUrl(request.url(), violations);
        checkDescription(request.description(), violations);
        List<String> types = eventTypes(request.eventTypes(), violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        WebhookEndpointView created = endpoints.create(project, request.url().strip(), request.description(),
                types == null ? List.of() : types);
        return ResponseEntity.created(URI.create("/v1/webhook-endpoints/" + created.id())).body(created);
    }

    @GetMapping(path = "/v1/webhook-endpoints", produces = MediaType.APPLICATION_JSON_VALUE)
    ListPage<WebhookEndpointView> list(ProjectId project) {
        return ListPage.of(endpoints.list(project), false, null);
    }

    @GetMapping(path = "/v1/webhook-endpoints/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    WebhookEndpointView get(ProjectId project, @PathVariable String id) {
        return endpoints.get(project, parseId(id));
    }

    @PatchMapping(path = "/v1/webhook-endpoints/{id}",
            consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    WebhookEndpointView change(ProjectId project, @PathVariable String id, @RequestBody ChangeEndpoint request) {
        UUID endpointId = parseId(id);
        List<FieldViolation> violations = new ArrayList<>();
        if (request.url() != null && request.url().isBlank()) {
            violations.add(new FieldViolation("url", "must not be empty"));
        }
        checkUrl(request.url(), violations);
        checkDescription(request.description(), violations);
        List<String> types = eventTypes(request.eventTypes(), violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return endpoints.change(project, endpointId, new WebhookEndpointService.Change(
                request.url() == null ? null : request.url().strip(), request.description(), types, request.enabled(),
                Boolean.TRUE.equals(request.rotateSecret())));
    }

    @DeleteMapping("/v1/webhook-endpoints/{id}")
    ResponseEntity<Void> delete(ProjectId project, @PathVariable String id) {
        endpoints.delete(project, parseId(id));
        return ResponseEntity.noContent().build();
    }

    private void checkUrl(String url, List<FieldViolation> violations) {
        if (url == null || url.isBlank()) {
            return;
        }
        if (url.length() > MAX_URL_LENGTH) {
            violations.add(new FieldViolation("url", "must be at most " + MAX_URL_LENGTH + " characters"));
            return;
        }
        targets.refusal(url.strip()).ifPresent(why -> violations.add(new FieldViolation("url", why)));
    }

    private static void checkDescription(String description, List<FieldViolation> violations) {
        if (description != null && description.length() > MAX_DESCRIPTION_LENGTH) {
            violations.add(new FieldViolation("description",
                    "must be at most " + MAX_DESCRIPTION_LENGTH + " characters"));
        }
    }

    /** The listed types without repeats, in the order given; null when absent (every type). */
    private static List<String> eventTypes(List<String> requested, List<FieldViolation> violations) {
        if (requested == null) {
            return null;
        }
        LinkedHashSet<String> types = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (type == null || WebhookEventType.of(type).isEmpty()) {
                violations.add(new FieldViolation("event_types[" + i + "]",
                        "must be one of " + String.join(", ", WebhookEventType.wireNames())));
            } else {
                types.add(type);
            }
        }
        return List.copyOf(types);
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Webhook endpoint " + id);
        }
    }
}
