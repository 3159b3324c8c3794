package io.tunegate.provider.openai;

import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.PermanentProviderException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tunegate's hyperparameters in the OpenAI-shaped API's words: {@code n_epochs}, {@code batch_size},
 * {@code learning_rate_multiplier}, as plain numbers, leaving out what is "auto" (the provider's default; Azure's
 * GA API takes numbers only). Neither API takes an absolute learning rate.
 */
public final class FineTuningHyperparameters {

    private FineTuningHyperparameters() {
    }

    public static ObjectNode toJson(String provider, Hyperparameters hyperparameters, ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        if (hyperparameters == null) {
            return node;
        }
        if (hyperparameters.learningRate() != null) {
            throw PermanentProviderException.unsupportedHyperparameter(provider, provider
                    + " does not take an absolute learning_rate, only learning_rate_multiplier (a factor of the"
                    + " model's own rate); send learning_rate_multiplier instead");
        }
        if (hyperparameters.nEpochs() != null) {
            node.put("n_epochs", hyperparameters.nEpochs());
        }
        if (hyperparameters.batchSize() != null) {
            node.put("batch_size", hyperparameters.batchSize());
        }
        if (hyperparameters.learningRateMultiplier() != null) {
            node.put("learning_rate_multiplier", hyperparameters.learningRateMultiplier());
        }
        return node;
    }
}
