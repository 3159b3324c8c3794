package io.tunegate.provider.fireworks;

import io.tunegate.provider.options.OptionReader;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * The job's {@code provider_options.fireworks}: settings of Fireworks' supervised fine-tuning job, in
 * snake_case here and camelCase on the wire ({@code lora_rank} -> {@code loraRank}).
 */
final class FireworksOptions {

    static final Set<String> KEYS = Set.of("lora_rank", "max_context_length", "display_name", "output_model",
            "early_stop", "eval_auto_carveout", "learning_rate_warmup_steps", "gradient_accumulation_steps",
            "optimizer_weight_decay", "batch_size_tokens", "is_turbo", "region", "jinja_template", "nodes",
            "wandb_api_key", "wandb_project", "wandb_entity");

    private final OptionReader checks;

    private FireworksOptions(Map<String, Object> options) {
        this.checks = OptionReader.of(FireworksAdapter.ID, options).allowOnly(KEYS);
    }

    static FireworksOptions of(Map<String, Object> options) {
        FireworksOptions read = new FireworksOptions(options);
        read.checkAll();
        return read;
    }

    private void checkAll() {
        checks.integer("lora_rank", 1, 1024);
        checks.integer("max_context_length", 1, 10_000_000);
        checks.text("display_name");
        String output = checks.text("output_model");
        if (output != null && !output.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw checks.invalid("output_model", "must be a model id: lower-case letters, digits and hyphens, "
                    + "at most 63 characters");
        }
        checks.bool("early_stop");
        checks.bool("eval_auto_carveout");
        checks.integer("learning_rate_warmup_steps", 0, Integer.MAX_VALUE);
        checks.integer("gradient_accumulation_steps", 1, 1_000_000);
        checks.decimal("optimizer_weight_decay", 0, 1_000_000);
        checks.integer("batch_size_tokens", 1, Integer.MAX_VALUE);
        checks.bool("is_turbo");
        String region = checks.text("region");
        if (region != null && !region.matches("[A-Z0-9_]+")) {
            throw checks.invalid("region", "must be a Fireworks region name such as US_VIRGINIA_1");
        }
        checks.text("jinja_template");
        checks.integer("nodes", 1, 1024);
        checks.text("wandb_api_key");
        checks.text("wandb_project");
        checks.text("wandb_entity");
        if ((checks.has("wandb_project") || checks.has("wandb_entity")) && !checks.has("wandb_api_key")) {
            throw checks.invalid("wandb_api_key", "is needed to log to Weights & Biases");
        }
    }

    String displayName() {
        return checks.text("display_name");
    }

    void writeTo(ObjectNode body) {
        putInt(body, "loraRank", "lora_rank");
        putInt(body, "maxContextLength", "max_context_length");
        putString(body, "outputModel", "output_model");
        putBool(body, "earlyStop", "early_stop");
        putBool(body, "evalAutoCarveout", "eval_auto_carveout");
        putInt(body, "learningRateWarmupSteps", "learning_rate_warmup_steps");
        putInt(body, "gradientAccumulationSteps", "gradient_accumulation_steps");
        Double decay = checks.decimal("optimizer_weight_decay", 0, Double.MAX_VALUE);
        if (decay != null) {
            body.put("optimizerWeightDecay", decay);
        }
        // Fireworks' batchSize counts tokens per packed batch; the gateway's batch_size (examples) goes to
        // batchSizeSamples
        putInt(body, "batchSize", "batch_size_tokens");
        putBool(body, "isTurbo", "is_turbo");
        putString(body, "region", "region");
        putString(body, "jinjaTemplate", "jinja_template");
        putInt(body, "nodes", "nodes");
        if (checks.has("wandb_api_key")) {
            ObjectNode wandb = body.putObject("wandbConfig").put("enabled", true);
            putString(wandb, "apiKey", "wandb_api_key");
            putString(wandb, "project", "wandb_project");
            putString(wandb, "entity", "wandb_entity");
        }
    }

    private void putInt(ObjectNode node, String field, String key) {
        Integer value = checks.integer(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (value != null) {
            node.put(field, value);
        }
    }

    private void putString(ObjectNode node, String field, String key) {
        String value = checks.text(key);
        if (value != null) {
            node.put(field, value);
        }
    }

    private void putBool(ObjectNode node, String field, String key) {
        Boolean value = checks.bool(key);
        if (value != null) {
            node.put(field, value);
        }
    }
}
