package io.tunegate.webhook;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The event types an endpoint can subscribe to, by their wire names. */
public enum WebhookEventType {
    JOB_QUEUED("job.queued"),
    JOB_RUNNING("job.running"),
    JOB_SUCCEEDED("job.succeeded"),
    JOB_FAILED("job.failed"),
    JOB_CANCELLED("job.cancelled"),
    BUDGET_THRESHOLD_REACHED("budget.threshold_reached"),
    MODEL_VERSION_CREATED("model.version_created");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> of(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }

    public static List<String> wireNames() {
        return Arrays.stream(values()).map(WebhookEventType::wireName).toList();
    }
}
