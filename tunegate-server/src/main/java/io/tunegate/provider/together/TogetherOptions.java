package io.tunegate.provider.together;

import io.tunegate.provider.options.OptionReader;
import tools.jackson.databind.node.ObjectNode;

import java.util.Map;
import java.util.Set;

/**
 * The job's {@code provider_options.together}: Together's own {@code POST /fine-tunes} settings, by the API's
 * names. {@code suffix} is not among them: the adapter sets it to the gateway job id to find the job again.
 */
final class TogetherOptions {

    static final Set<String> LORA = Set.of("lora_r", "lora_alpha", "lora_dropout", "lora_trainable_modules");
    static final Set<String> DPO = Set.of("dpo_beta", "dpo_normalize_logratios_by_length", "dpo_reference_free",
            "rpo_alpha", "simpo_gamma");
    static final Set<String> KEYS;

    static {
        java.util.Set<String> keys = new java.util.HashSet<>(Set.of("training_type", "train_on_inputs",
                "n_checkpoints", "n_evals", "warmup_ratio", "max_grad_norm", "weight_decay", "lr_scheduler",
                "min_lr_ratio", "scheduler_num_cycles", "wandb_key", "wandb_base_url", "wandb_project_name",
                "wandb_name"));
        keys.addAll(LORA);
        keys.addAll(DPO);
        KEYS = Set.copyOf(keys);
    }

    private final OptionReader checks;

    private TogetherOptions(Map<String, Object> options) {
        this.checks = OptionReader.of(TogetherAdapter.ID, options).allowOnly(KEYS);
    }

    /** Checks every key, type and range; throws {@code ApiException} naming the first bad field. */
    static TogetherOptions of(Map<String, Object> options) {
        TogetherOptions read = new TogetherOptions(options);
        read.checkAll();
        return read;
    }

    private void checkAll() {
        String type = trainingType();
        if ("Full".equals(type)) {
            for (String key : LORA) {
                if (checks.has(key)) {
                    throw checks.invalid(key, "LoRA settings need training_type lora");
                }
            }
        }
        trainOnInputs();
        checks.integer("n_checkpoints", 1, 1000);
        checks.integer("n_evals", 0, 1000);
        checks.decimal("warmup_ratio", 0, 1);
        checks.decimal("max_grad_norm", 0, Double.MAX_VALUE);
        checks.decimal("weight_decay", 0, Double.MAX_VALUE);
        String scheduler = checks.oneOfIgnoringCase("lr_scheduler", "linear", "cosine");
        checks.decimal("min_lr_ratio", 0, 1);
        checks.decimal("scheduler_num_cycles", 0, 1000);
        if (checks.has("min_lr_ratio") && scheduler == null) {
            throw checks.invalid("min_lr_ratio", "needs lr_scheduler (linear or cosine)");
        }
        if (checks.has("scheduler_num_cycles") && !"cosine".equals(scheduler)) {
            throw checks.invalid("scheduler_num_cycles", "applies to lr_scheduler cosine only");
        }
        for (String key : Set.of("wandb_key", "wandb_base_url", "wandb_project_name", "wandb_name",
                "lora_trainable_modules")) {
            checks.text(key);
        }
        checks.integer("lora_r", 1, 1024);
        checks.decimal("lora_alpha", 0, 1_000_000);
        checks.decimal("lora_dropout", 0, 1);
        checks.decimal("dpo_beta", 0, 1_000_000);
        checks.bool("dpo_normalize_logratios_by_length");
        checks.bool("dpo_reference_free");
        checks.decimal("rpo_alpha", 0, 1_000_000);
        checks.decimal("simpo_gamma", 0, 1_000_000);
    }

    /** "Lora", "Full" or null (Together's default, LoRA). */
    private String trainingType() {
        String type = checks.oneOfIgnoringCase("training_type", "Lora", "Full");
        if (type == null && LORA.stream().anyMatch(checks::has)) {
            return "Lora";
        }
        return type;
    }

    /** true, false, "auto" or null. */
    private Object trainOnInputs() {
        Object value = checks.raw("train_on_inputs");
        if (value == null || value instanceof Boolean || "auto".equals(value)) {
            return value;
        }
        throw checks.invalid("train_on_inputs", "must be true, false or \"auto\"");
    }

    boolean wantsDpoSettings() {
        return DPO.stream().anyMatch(checks::has);
    }

    /** Adds these options to a {@code POST /fine-tunes} body; {@code dpo} when the data is preference pairs. */
    void writeTo(ObjectNode body, boolean dpo) {
        String type = trainingType();
        if (type != null) {
            ObjectNode training = body.putObject("training_type").put("type", type);
            putInt(training, "lora_r");
            putNumber(training, "lora_alpha");
            putNumber(training, "lora_dropout");
            putString(training, "lora_trainable_modules");
        }
        ObjectNode method = body.putObject("training_method").put("method", dpo ? "dpo" : "sft");
        if (dpo) {
            putNumber(method, "dpo_beta");
            putBool(method, "dpo_normalize_logratios_by_length");
            putBool(method, "dpo_reference_free");
            putNumber(method, "rpo_alpha");
            putNumber(method, "simpo_gamma");
        } else {
            Object onInputs = trainOnInputs();
            if (onInputs instanceof Boolean b) {
                method.put("train_on_inputs", b);
            } else if (onInputs != null) {
                method.put("train_on_inputs", onInputs.toString());
            }
        }
        putInt(body, "n_checkpoints");
        putInt(body, "n_evals");
        putNumber(body, "warmup_ratio");
        putNumber(body, "max_grad_norm");
        putNumber(body, "weight_decay");
        String scheduler = checks.oneOfIgnoringCase("lr_scheduler", "linear", "cosine");
        if (scheduler != null) {
            ObjectNode lr = body.putObject("lr_scheduler").put("lr_scheduler_type", scheduler);
            ObjectNode args = lr.putObject("lr_scheduler_args");
            putNumber(args, "min_lr_ratio");
            if (checks.has("scheduler_num_cycles")) {
                args.put("num_cycles", checks.decimal("scheduler_num_cycles", 0, 1000));
            }
        }
        putString(body, "wandb_key");
        putString(body, "wandb_base_url");
        putString(body, "wandb_project_name");
        putString(body, "wandb_name");
    }

    private void putInt(ObjectNode node, String key) {
        Integer value = checks.integer(key, Integer.MIN_VALUE, Integer.MAX_VALUE);
        if (value != null) {
            node.put(key, value);
        }
    }

    private void putNumber(ObjectNode node, String key) {
        Double value = checks.decimal(key, -Double.MAX_VALUE, Double.MAX_VALUE);
        if (value != null) {
            node.put(key, value);
        }
    }

    private void putString(ObjectNode node, String key) {
        String value = checks.text(key);
        if (value != null) {
            node.put(key, value);
        }
    }

    private void putBool(ObjectNode node, String key) {
        Boolean value = checks.bool(key);
        if (value != null) {
            node.put(key, value);
        }
    }
}
