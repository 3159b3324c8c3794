package io.tunegate.provider;

/** Training settings in Tunegate's vocabulary; a null field means "auto" (the provider's default). */
public record Hyperparameters(Integer nEpochs, Integer batchSize, Double learningRate,
                              Double learningRateMultiplier) {

    public static final Hyperparameters AUTO = new Hyperparameters(null, null, null, null);
}
