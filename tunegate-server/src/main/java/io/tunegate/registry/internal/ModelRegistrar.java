package io.tunegate.registry.internal;

import io.tunegate.job.JobSucceeded;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Registers a succeeded job's model. The event publication is stored with the job's final transaction and
 * redelivered after a crash, so no success is missed; registering twice is harmless.
 */
@Component
class ModelRegistrar {

    private static final Logger log = LoggerFactory.getLogger(ModelRegistrar.class);

    private final ModelRegistry registry;

    ModelRegistrar(ModelRegistry registry) {
        this.registry = registry;
    }

    @ApplicationModuleListener
    void on(JobSucceeded job) {
        if (job.fineTunedModel() == null) {
            log.warn("Job {} succeeded at {} without a model id; nothing to register", job.jobId(), job.provider());
            return;
        }
        registry.register(job).ifPresent(version ->
                log.info("Registered {} version {} from job {}", job.jobName(), version, job.jobId()));
    }
}
