package io.tunegate.client.model;

/** A job's training settings as the gateway shows them; null means "auto" (the provider's default). */
public record Hyperparameters(Integer nEpochs, Integer batchSize, Double learningRate,
                              Double learningRateMultiplier) {
}
