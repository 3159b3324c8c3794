package io.tunegate.job;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The standardized job request, as POSTed to {@code /v1/jobs} (snake_case on the wire). Loose types here
 * (hyperparameters as a map) let the validator name every wrong field at once.
 */
public record JobRequest(String jobName, String baseModel, String trainingData, String validationData,
                         Map<String, Object> hyperparameters, String provider, List<String> fallbackProviders,
                         BigDecimal budgetLimit, String webhookUrl, Map<String, String> metadata,
                         Map<String, Map<String, Object>> providerOptions) {
}
