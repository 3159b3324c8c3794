package io.tunegate.provider;

import java.util.Map;

/**
 * @param idempotencyKey the gateway job id: adapters pass it to the provider's idempotency mechanism or tag the
 *                       provider job with it, so {@link ProviderAdapter#findSubmitted} can find the job again
 * @param baseModel      the catalog's canonical name of the base model (as the user asked for it)
 * @param providerModel  this provider's id for that model (the catalog offer's {@code model_id}); what the
 *                       provider's API is sent
 * @param trainingData   what {@link ProviderAdapter#stage} returned for the training dataset
 * @param validationData the same for validation data; null when there is none
 * @param options        this provider's entry of the job's {@code provider_options}
 */
public record SubmitRequest(String idempotencyKey, String jobName, String baseModel, String providerModel,
                            String trainingData, String validationData, Hyperparameters hyperparameters,
                            Map<String, Object> options) {

    public SubmitRequest {
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
