package io.tunegate.webhook.internal;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One persistent task per delivery on the shared scheduler: it is scheduled in the outbox row's transaction,
 * each attempt is made by exactly one instance, and one that dies mid-attempt hands it over (dead execution
 * revive) after the scheduler's lease; the attempt is then made again with the same webhook-id.
 */
@Configuration(proxyBeanMethods = false)
class DeliveryTaskConfiguration {

    static final String TASK = "webhook-delivery";

    @Bean
    Task<Void> webhookDeliveryTask(WebhookDeliverer deliverer, Clock clock) {
        return Tasks.custom(TASK, Void.class)
                // an unexpected failure (the database, a bug): try again later, the row keeps its state
                .onFailure((complete, operations) -> operations.reschedule(complete,
                        clock.instant().plus(Duration.ofSeconds(30))))
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    Optional<Instant> next = deliverer.attempt(UUID.fromString(instance.getId()));
                    if (next.isEmpty()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    return (complete, operations) -> operations.reschedule(complete, next.get());
                });
    }
}
