package io.tunegate.webhook.internal;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/** Puts a delivery on the scheduler; in the caller's transaction (the scheduler's data source joins it). */
@Component
class DeliveryQueue {

    private final SchedulerClient scheduler;

    DeliveryQueue(SchedulerClient scheduler) {
        this.scheduler = scheduler;
    }

    void due(UUID deliveryId, Instant at) {
        TaskInstance<Void> instance = new TaskInstance<>(DeliveryTaskConfiguration.TASK, deliveryId.toString());
        if (!scheduler.scheduleIfNotExists(instance, at)) {
            scheduler.reschedule(TaskInstanceId.of(DeliveryTaskConfiguration.TASK, deliveryId.toString()), at);
        }
    }
}
