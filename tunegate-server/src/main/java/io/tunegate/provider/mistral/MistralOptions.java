package io.tunegate.provider.mistral;

import io.tunegate.provider.options.OptionReader;

import java.util.Map;
import java.util.Set;

/**
 * A job's {@code provider_options.mistral}: the training parameters Tunegate's hyperparameters do not name, and a
 * Weights &amp; Biases run. Ranges are sanity bounds; Mistral's own limits are not published (not verified) and
 * its refusal message reaches the user when it has stricter ones.
 */
record MistralOptions(Integer trainingSteps, Double warmupFraction, Double weightDecay, Integer seqLen,
                      Double fimRatio, Double invalidSampleSkipPercentage, Wandb wandb) {

    static final Set<String> KEYS = Set.of("training_steps", "warmup_fraction", "weight_decay", "seq_len",
            "fim_ratio", "invalid_sample_skip_percentage", "wandb");

    /** The W&amp;B run; the key comes from settings ({@code wandb-api-key}), never from the job. */
    record Wandb(String project, String name, String runName) {
    }

    static MistralOptions read(Map<String, Object> options) {
        OptionReader in = OptionReader.of(MistralAdapter.ID, options).allowOnly(KEYS);
        Wandb wandb = null;
        OptionReader w = in.object("wandb");
        if (w != null) {
            w.allowOnly(Set.of("project", "name", "run_name"));
            String project = w.text("project");
            if (project == null) {
                throw w.invalid("project", "is required");
            }
            wandb = new Wandb(project, w.text("name"), w.text("run_name"));
        }
        return new MistralOptions(
                in.integer("training_steps", 1, 1_000_000),
                in.decimal("warmup_fraction", 0, 1),
                in.decimal("weight_decay", 0, 1),
                in.integer("seq_len", 1, 1_048_576),
                in.decimal("fim_ratio", 0, 1),
                in.decimal("invalid_sample_skip_percentage", 0, 100),
                wandb);
    }
}
