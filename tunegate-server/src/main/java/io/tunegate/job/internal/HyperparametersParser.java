package io.tunegate.job.internal;

import io.tunegate.platform.web.FieldViolation;
import io.tunegate.provider.Hyperparameters;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the request's hyperparameters in the shapes users already send: {@code epochs} or {@code n_epochs},
 * {@code learning_rate} (absolute) and/or {@code learning_rate_multiplier}, and "auto" where OpenAI allows it.
 */
final class HyperparametersParser {

    private static final Set<String> KNOWN = Set.of("epochs", "n_epochs", "batch_size", "learning_rate",
            "learning_rate_multiplier");

    private HyperparametersParser() {
    }

    static Hyperparameters parse(Map<String, Object> raw, List<FieldViolation> violations) {
        if (raw == null || raw.isEmpty()) {
            return Hyperparameters.AUTO;
        }
        for (String key : raw.keySet()) {
            if (!KNOWN.contains(key)) {
                violations.add(new FieldViolation("hyperparameters." + key,
                        "unknown hyperparameter (known: epochs or n_epochs, batch_size, learning_rate, "
                                + "learning_rate_multiplier; provider-specific ones go in provider_options)"));
            }
        }
        if (raw.containsKey("epochs") && raw.containsKey("n_epochs")) {
            violations.add(new FieldViolation("hyperparameters.n_epochs", "give epochs or n_epochs, not both"));
        }
        String epochsKey = raw.containsKey("epochs") ? "epochs" : "n_epochs";
        Integer epochs = integerOrAuto(raw, epochsKey, 1, 100, violations);
        Integer batchSize = integerOrAuto(raw, "batch_size", 1, 4096, violations);
        Double learningRate = positive(raw, "learning_rate", false, violations);
        Double multiplier = positive(raw, "learning_rate_multiplier", true, violations);
        return new Hyperparameters(epochs, batchSize, learningRate, multiplier);
    }

    private static Integer integerOrAuto(Map<String, Object> raw, String key, int min, int max,
                                         List<FieldViolation> violations) {
        Object value = raw.get(key);
        if (value == null || "auto".equals(value)) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            long n = ((Number) value).longValue();
            if (n >= min && n <= max) {
                return (int) n;
            }
        }
        violations.add(new FieldViolation("hyperparameters." + key,
                "must be a whole number from " + min + " to " + max + ", or \"auto\""));
        return null;
    }

    private static Double positive(Map<String, Object> raw, String key, boolean autoAllowed,
                                   List<FieldViolation> violations) {
        Object value = raw.get(key);
        if (value == null || autoAllowed && "auto".equals(value)) {
            return null;
        }
        if (value instanceof Number n && n.doubleValue() > 0 && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        violations.add(new FieldViolation("hyperparameters." + key,
                "must be a number greater than 0" + (autoAllowed ? ", or \"auto\"" : "")));
        return null;
    }
}
