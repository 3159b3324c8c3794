package io.tunegate.provider.bedrock;

import io.tunegate.provider.options.OptionReader;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A job's {@code provider_options.bedrock} / {@code provider_options.anthropic}, checked:
 * <ul>
 * <li>{@code early_stopping_threshold} (number), {@code early_stopping_patience} (integer): Claude only;</li>
 * <li>{@code learning_rate_warmup_steps} (integer): Nova, Titan;</li>
 * <li>{@code custom_model_name}: the name of the model the job creates (default: from the job name and id);</li>
 * <li>{@code custom_model_kms_key_id}: a KMS key to encrypt the custom model;</li>
 * <li>{@code job_tags}: an object of string tags put on the customization job;</li>
 * <li>{@code vpc_config}: {@code {subnet_ids: [...], security_group_ids: [...]}} for jobs that must run in a VPC.</li>
 * </ul>
 * Which family takes which extra hyperparameter is checked at submission, when the model is known.
 */
record BedrockOptions(Map<String, Object> hyperParameters, String customModelName, String kmsKeyId,
                      Map<String, String> jobTags, List<String> subnetIds, List<String> securityGroupIds) {

    /** provider_options key -> Bedrock hyperparameter name. */
    private static final Map<String, String> HYPERPARAMETERS = Map.of(
            "early_stopping_threshold", "earlyStoppingThreshold",
            "early_stopping_patience", "earlyStoppingPatience",
            "learning_rate_warmup_steps", "learningRateWarmupSteps");
    private static final Set<String> KEYS = Set.of("early_stopping_threshold", "early_stopping_patience",
            "learning_rate_warmup_steps", "custom_model_name", "custom_model_kms_key_id", "job_tags", "vpc_config");
    static final Pattern CUSTOM_MODEL_NAME = Pattern.compile("([0-9a-zA-Z][_-]?){1,63}");

    static String optionName(String bedrockName) {
        return HYPERPARAMETERS.entrySet().stream().filter(e -> e.getValue().equals(bedrockName))
                .map(Map.Entry::getKey).findFirst().orElse(bedrockName);
    }

    /** Checks and reads the options; {@code id} is the adapter's id, for field names in errors. */
    static BedrockOptions from(String id, Map<String, Object> options) {
        OptionReader in = OptionReader.of(id, options).allowOnly(KEYS);
        Map<String, Object> hyperParameters = new LinkedHashMap<>();
        Double threshold = in.decimal("early_stopping_threshold", 0, Double.MAX_VALUE);
        Integer patience = in.integer("early_stopping_patience", 0, Integer.MAX_VALUE);
        Integer warmup = in.integer("learning_rate_warmup_steps", 0, Integer.MAX_VALUE);
        if (threshold != null) {
            hyperParameters.put(HYPERPARAMETERS.get("early_stopping_threshold"), threshold);
        }
        if (patience != null) {
            hyperParameters.put(HYPERPARAMETERS.get("early_stopping_patience"), patience.longValue());
        }
        if (warmup != null) {
            hyperParameters.put(HYPERPARAMETERS.get("learning_rate_warmup_steps"), warmup.longValue());
        }
        String name = in.text("custom_model_name");
        if (name != null && (name.length() > 63 || !CUSTOM_MODEL_NAME.matcher(name).matches())) {
            throw in.invalid("custom_model_name", "must be 1-63 letters and digits, each optionally followed by"
                    + " one '-' or '_'");
        }
        String kms = in.text("custom_model_kms_key_id");
        Map<String, String> tags = new LinkedHashMap<>();
        if (in.has("job_tags")) {
            if (!(in.raw("job_tags") instanceof Map<?, ?> tagMap)) {
                throw in.invalid("job_tags", "must be an object of strings");
            }
            tagMap.forEach((k, v) -> {
                if (!(v instanceof String s)) {
                    throw in.invalid("job_tags." + k, "must be a string");
                }
                tags.put(String.valueOf(k), s);
            });
        }
        List<String> subnets = List.of();
        List<String> groups = List.of();
        if (in.has("vpc_config")) {
            if (!(in.raw("vpc_config") instanceof Map<?, ?>)) {
                throw in.invalid("vpc_config", "must be an object with subnet_ids and security_group_ids");
            }
            OptionReader vpc = in.object("vpc_config").allowOnly(Set.of("subnet_ids", "security_group_ids"));
            subnets = vpc.strings("subnet_ids");
            groups = vpc.strings("security_group_ids");
            if (subnets.isEmpty() || groups.isEmpty()) {
                throw in.invalid("vpc_config", "needs both subnet_ids and security_group_ids");
            }
        }
        return new BedrockOptions(Map.copyOf(hyperParameters), name, kms, Map.copyOf(tags), subnets, groups);
    }
}
