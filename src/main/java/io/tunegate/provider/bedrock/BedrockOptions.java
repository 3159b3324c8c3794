package io.tunegate.provider.bedrock;

import io.tunegate.platform.web.ApiException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    private static final List<String> KEYS = List.of("early_stopping_threshold", "early_stopping_patience",
            "learning_rate_warmup_steps", "custom_model_name", "custom_model_kms_key_id", "job_tags", "vpc_config");
    static final Pattern CUSTOM_MODEL_NAME = Pattern.compile("([0-9a-zA-Z][_-]?){1,63}");

    static String optionName(String bedrockName) {
        return HYPERPARAMETERS.entrySet().stream().filter(e -> e.getValue().equals(bedrockName))
                .map(Map.Entry::getKey).findFirst().orElse(bedrockName);
    }

    /** Checks and reads the options; {@code id} is the adapter's id, for field names in errors. */
    static BedrockOptions from(String id, Map<String, Object> options) {
        Map<String, Object> map = options == null ? Map.of() : options;
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw invalid(id, key, "unknown option; known: " + String.join(", ", KEYS));
            }
        }
        Map<String, Object> hyperParameters = new LinkedHashMap<>();
        Number threshold = number(id, map, "early_stopping_threshold", false);
        Number patience = number(id, map, "early_stopping_patience", true);
        Number warmup = number(id, map, "learning_rate_warmup_steps", true);
        if (threshold != null) {
            hyperParameters.put(HYPERPARAMETERS.get("early_stopping_threshold"), threshold.doubleValue());
        }
        if (patience != null) {
            hyperParameters.put(HYPERPARAMETERS.get("early_stopping_patience"), patience.longValue());
        }
        if (warmup != null) {
            hyperParameters.put(HYPERPARAMETERS.get("learning_rate_warmup_steps"), warmup.longValue());
        }
        String name = text(id, map, "custom_model_name");
        if (name != null && (name.length() > 63 || !CUSTOM_MODEL_NAME.matcher(name).matches())) {
            throw invalid(id, "custom_model_name", "must be 1-63 letters and digits, each optionally followed by"
                    + " one '-' or '_'");
        }
        String kms = text(id, map, "custom_model_kms_key_id");
        Map<String, String> tags = new LinkedHashMap<>();
        Object rawTags = map.get("job_tags");
        if (rawTags != null) {
            if (!(rawTags instanceof Map<?, ?> tagMap)) {
                throw invalid(id, "job_tags", "must be an object of strings");
            }
            tagMap.forEach((k, v) -> {
                if (!(v instanceof String s)) {
                    throw invalid(id, "job_tags." + k, "must be a string");
                }
                tags.put(String.valueOf(k), s);
            });
        }
        List<String> subnets = List.of();
        List<String> groups = List.of();
        Object vpc = map.get("vpc_config");
        if (vpc != null) {
            if (!(vpc instanceof Map<?, ?> vpcMap)) {
                throw invalid(id, "vpc_config", "must be an object with subnet_ids and security_group_ids");
            }
            for (Object key : vpcMap.keySet()) {
                if (!"subnet_ids".equals(key) && !"security_group_ids".equals(key)) {
                    throw invalid(id, "vpc_config." + key, "unknown option; known: subnet_ids, security_group_ids");
                }
            }
            subnets = strings(id, "vpc_config.subnet_ids", vpcMap.get("subnet_ids"));
            groups = strings(id, "vpc_config.security_group_ids", vpcMap.get("security_group_ids"));
            if (subnets.isEmpty() || groups.isEmpty()) {
                throw invalid(id, "vpc_config", "needs both subnet_ids and security_group_ids");
            }
        }
        return new BedrockOptions(Map.copyOf(hyperParameters), name, kms, Map.copyOf(tags), subnets, groups);
    }

    private static List<String> strings(String id, String field, Object value) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list) || list.stream().anyMatch(v -> !(v instanceof String))) {
            throw invalid(id, field, "must be a list of strings");
        }
        return list.stream().map(String.class::cast).toList();
    }

    private static Number number(String id, Map<String, Object> map, String key, boolean integer) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Number n) || !Double.isFinite(n.doubleValue())) {
            throw invalid(id, key, integer ? "must be an integer" : "must be a number");
        }
        if (integer && n.doubleValue() != Math.rint(n.doubleValue())) {
            throw invalid(id, key, "must be an integer");
        }
        if (n.doubleValue() < 0) {
            throw invalid(id, key, "must not be negative");
        }
        return n;
    }

    private static String text(String id, Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw invalid(id, key, "must be a non-empty string");
        }
        return s;
    }

    private static ApiException invalid(String id, String key, String message) {
        return ApiException.invalid("provider_options." + id + "." + key, message);
    }
}
