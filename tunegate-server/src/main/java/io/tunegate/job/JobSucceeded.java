package io.tunegate.job;

import io.tunegate.provider.Hyperparameters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A job ended with a fine-tuned model. Carries the lineage the registry keeps. */
public record JobSucceeded(UUID jobId, UUID projectId, String jobName, String provider, String providerJobId,
                           String fineTunedModel, String baseModel, String trainingData, String validationData,
                           Hyperparameters hyperparameters, Long trainedTokens, BigDecimal costUsd,
                           Instant finishedAt) {
}
