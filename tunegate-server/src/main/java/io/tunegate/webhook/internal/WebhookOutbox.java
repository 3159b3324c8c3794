package io.tunegate.webhook.internal;

import io.tunegate.budget.BudgetThresholdReached;
import io.tunegate.job.JobCancelled;
import io.tunegate.job.JobFailed;
import io.tunegate.job.JobQueued;
import io.tunegate.job.JobRunning;
import io.tunegate.job.JobSucceeded;
import io.tunegate.job.JobView;
import io.tunegate.job.JobViews;
import io.tunegate.platform.Ids;
import io.tunegate.registry.ModelVersionCreated;
import io.tunegate.webhook.WebhookEventType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns domain events into outbox rows. Plain (not transactional) listeners run inside the publisher's
 * transaction, so the rows commit or roll back with the state change they announce: no event without its
 * change, no change without its event. Listeners must never throw for a receiver's sake; a failure here is
 * a database failure and rightly undoes the change.
 */
@Component
class WebhookOutbox {

    private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

    /** The Standard Webhooks guidance; larger data is replaced by a summary the receiver can fetch from. */
    static final int MAX_PAYLOAD_BYTES = 20 * 1024;

    private final EndpointStore endpoints;
    private final DeliveryStore deliveries;
    private final JobViews jobs;
    private final JsonMapper json;
    private final Clock clock;
    private final DeliveryQueue queue;

    WebhookOutbox(EndpointStore endpoints, DeliveryStore deliveries, JobViews jobs, JsonMapper json, Clock clock,
                  DeliveryQueue queue) {
        this.queue = queue;
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.jobs = jobs;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    @Transactional
    void on(JobQueued e) {
        job(WebhookEventType.JOB_QUEUED, e.projectId(), e.jobId(), e.at());
    }

    @EventListener
    @Transactional
    void on(JobRunning e) {
        job(WebhookEventType.JOB_RUNNING, e.projectId(), e.jobId(), e.startedAt());
    }

    @EventListener
    @Transactional
    void on(JobSucceeded e) {
        job(WebhookEventType.JOB_SUCCEEDED, e.projectId(), e.jobId(), e.finishedAt());
    }

    @EventListener
    @Transactional
    void on(JobFailed e) {
        job(WebhookEventType.JOB_FAILED, e.projectId(), e.jobId(), e.finishedAt());
    }

    @EventListener
    @Transactional
    void on(JobCancelled e) {
        job(WebhookEventType.JOB_CANCELLED, e.projectId(), e.jobId(), e.finishedAt());
    }

    @EventListener
    @Transactional
    void on(BudgetThresholdReached e) {
        write(WebhookEventType.BUDGET_THRESHOLD_REACHED, e.projectId(), e.reachedAt(), e, null);
    }

    @EventListener
    @Transactional
    void on(ModelVersionCreated e) {
        write(WebhookEventType.MODEL_VERSION_CREATED, e.projectId(), e.version().createdAt(), e.version(), null);
    }

    private void job(WebhookEventType type, UUID projectId, UUID jobId, Instant at) {
        Optional<JobView> view = jobs.find(projectId, jobId);
        if (view.isEmpty()) {
            log.warn("Job {} announced {} but cannot be read; no webhook written", jobId, type.wireName());
            return;
        }
        write(type, projectId, at, view.get(), view.get().webhookUrl());
    }

    private void write(WebhookEventType type, UUID projectId, Instant at, Object data, String jobUrl) {
        List<EndpointRow> all = endpoints.list(projectId);
        List<Target> targets = new ArrayList<>();
        for (EndpointRow endpoint : all) {
            if (endpoint.enabled() && endpoint.subscribes(type.wireName())) {
                targets.add(new Target(endpoint.id(), null));
            }
        }
        if (jobUrl != null && !jobUrl.isBlank()) {
            // the project's default endpoint (its first) lends its secret; without one there is nothing to sign with
            if (all.isEmpty()) {
                log.warn("Job webhook_url of project {} skipped for {}: the project has no webhook endpoint whose "
                        + "secret could sign it", projectId, type.wireName());
            } else {
                targets.add(new Target(all.getFirst().id(), jobUrl));
            }
        }
        if (targets.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String payload = payload(type, at != null ? at : now, data);
        String messageId = "msg_" + Ids.newId().toString().replace("-", "");
        for (Target target : targets) {
            UUID id = Ids.newId();
            deliveries.insert(id, projectId, target.endpointId(), target.jobUrl(), messageId, type.wireName(),
                    payload, now);
            queue.due(id, now);
        }
    }

    String payload(WebhookEventType type, Instant at, Object data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.wireName());
        body.put("timestamp", at);
        body.put("data", data);
        String text = json.writeValueAsString(body);
        if (text.getBytes(StandardCharsets.UTF_8).length <= MAX_PAYLOAD_BYTES) {
            return text;
        }
        body.put("data", summary(data));
        body.put("truncated", true);
        return json.writeValueAsString(body);
    }

    /** What is left of an oversized object: its identity and status, enough to fetch the rest from the API. */
    private static Map<String, Object> summary(Object data) {
        Map<String, Object> summary = new LinkedHashMap<>();
        if (data instanceof JobView job) {
            summary.put("id", job.id());
            summary.put("object", job.object());
            summary.put("status", job.status());
        } else if (data instanceof io.tunegate.registry.ModelVersionView v) {
            summary.put("object", v.object());
            summary.put("model", v.model());
            summary.put("version", v.version());
            summary.put("job_id", v.jobId());
        }
        return summary;
    }

    private record Target(UUID endpointId, String jobUrl) {
    }
}
