package io.tunegate.provider;

import java.util.Map;

/**
 * @param idempotencyKey the gateway job id
 * @param options        this provider's entry of the job's {@code provider_options}
 */
public record SubmitRequest(String idempotencyKey, String jobName, String baseModel, String trainingData,
                            String validationData, Hyperparameters hyperparameters, Map<String, Object> options) {
}
