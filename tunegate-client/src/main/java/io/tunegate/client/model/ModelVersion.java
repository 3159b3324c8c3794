package io.tunegate.client.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** One version of a registered model, with the lineage of the job that trained it. */
public record ModelVersion(String object, String model, int version, String jobId, String provider,
                           String providerModelId, String baseModel, String trainingData, String validationData,
                           Map<String, Object> hyperparameters, Long trainedTokens, BigDecimal costUsd,
                           Instant createdAt) {

    public ModelVersion {
        hyperparameters = hyperparameters == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hyperparameters));
    }
}
