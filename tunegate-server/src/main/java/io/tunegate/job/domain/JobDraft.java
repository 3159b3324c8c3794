package io.tunegate.job.domain;

import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.RoutePlan;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

/** Everything a new job starts with, already checked. */
public record JobDraft(UUID id, UUID projectId, String jobName, String baseModel, String trainingData,
                       String validationData, String trainingDataset, String validationDataset, Hyperparameters hyperparameters, Map<String, Object> providerOptions,
                       Map<String, String> metadata, String requestedProvider, RoutePlan plan,
                       BigDecimal budgetLimit, BigDecimal estimatedCostUsd, String estimateBasis,
                       String estimateJson, String webhookUrl) {
}
