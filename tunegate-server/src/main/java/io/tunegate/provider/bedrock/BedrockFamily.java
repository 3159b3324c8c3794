package io.tunegate.provider.bedrock;

import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.PermanentProviderException;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Bedrock model family and the hyperparameter names it takes (reference §3.4; sent as strings). Tunegate's
 * fields map onto {@code epochCount}, {@code batchSize}, {@code learningRate} and {@code learningRateMultiplier}
 * where the family has them; the rest come from {@code provider_options} (early stopping, warm-up steps).
 */
enum BedrockFamily {
    CLAUDE(Set.of("epochCount", "batchSize", "learningRateMultiplier", "earlyStoppingThreshold",
            "earlyStoppingPatience")),
    LLAMA(Set.of("epochCount", "batchSize", "learningRate")),
    NOVA(Set.of("epochCount", "learningRate", "learningRateWarmupSteps")),
    /** Titan Text's names are in the reference; their ranges are not verified. */
    TITAN(Set.of("epochCount", "batchSize", "learningRate", "learningRateWarmupSteps")),
    /** A model outside the documented families: the generic names are sent and Bedrock judges them. */
    OTHER(Set.of("epochCount", "batchSize", "learningRate", "learningRateWarmupSteps"));

    private final Set<String> parameters;

    BedrockFamily(Set<String> parameters) {
        this.parameters = parameters;
    }

    static BedrockFamily of(String providerModel) {
        String model = providerModel == null ? "" : providerModel.toLowerCase(Locale.ROOT);
        if (model.startsWith("arn:")) {
            model = model.substring(model.lastIndexOf('/') + 1);
        }
        if (model.contains("claude")) {
            return CLAUDE;
        }
        if (model.contains("llama")) {
            return LLAMA;
        }
        if (model.contains("nova")) {
            return NOVA;
        }
        if (model.contains("titan")) {
            return TITAN;
        }
        return OTHER;
    }

    boolean takes(String parameter) {
        return parameters.contains(parameter);
    }

    /**
     * Bedrock's {@code hyperParameters} map for this family: Tunegate's fields first, then the extras from
     * {@code provider_options} (already in Bedrock's names). A value the family cannot take is a permanent
     * refusal naming it, so the gateway can fall back to a provider that can.
     */
    Map<String, String> hyperParameters(String provider, String model, Hyperparameters hp, Map<String, Object> extras) {
        Map<String, String> out = new LinkedHashMap<>();
        if (hp != null) {
            put(provider, model, out, "epochCount", "n_epochs", hp.nEpochs());
            put(provider, model, out, "batchSize", "batch_size", hp.batchSize());
            put(provider, model, out, "learningRate", "learning_rate", hp.learningRate());
            put(provider, model, out, "learningRateMultiplier", "learning_rate_multiplier",
                    hp.learningRateMultiplier());
        }
        extras.forEach((name, value) -> put(provider, model, out, name, BedrockOptions.optionName(name), value));
        return out;
    }

    private void put(String provider, String model, Map<String, String> out, String name, String ours, Object value) {
        if (value == null) {
            return;
        }
        if (!takes(name)) {
            throw PermanentProviderException.unsupportedHyperparameter(provider, "Bedrock does not take "
                    + ours + " (" + name + ") for " + model + "; it takes " + String.join(", ",
                    new java.util.TreeSet<>(parameters)));
        }
        out.put(name, format(value));
    }

    /** Plain decimal notation: {@code 0.00001}, not {@code 1.0E-5}. */
    static String format(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        return value.toString();
    }
}
