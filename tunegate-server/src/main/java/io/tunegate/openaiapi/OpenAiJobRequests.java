package io.tunegate.openaiapi;

import io.tunegate.dataset.DatasetRef;
import io.tunegate.job.JobRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * OpenAI's {@code POST /fine_tuning/jobs} body as Tunegate's job request. The provider choice rides in
 * metadata ({@code tunegate_provider}, {@code tunegate_fallback_providers} comma-separated,
 * {@code tunegate_budget_limit} a decimal string), since OpenAI metadata values are strings; those keys are
 * not kept as the job's metadata. {@code suffix}, {@code seed} and {@code integrations} only mean something to
 * OpenAI: they reach it as its provider options when the request names {@code openai}, and are otherwise
 * accepted and ignored. Checks here are of the OpenAI shape; the job module checks the values as for
 * {@code /v1} (its field names are renamed in errors by {@link OpenAiErrors}).
 */
final class OpenAiJobRequests {

    static final String PROVIDER = "tunegate_provider";
    static final String FALLBACKS = "tunegate_fallback_providers";
    static final String BUDGET = "tunegate_budget_limit";

    private static final Set<String> FIELDS = Set.of("model", "training_file", "validation_file", "hyperparameters",
            "method", "suffix", "seed", "metadata", "integrations");
    private static final Set<String> HYPERPARAMETERS = Set.of("n_epochs", "batch_size", "learning_rate_multiplier");

    private OpenAiJobRequests() {
    }

    static JobRequest toJobRequest(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw OpenAiException.invalid(null, "The body must be a JSON object.");
        }
        for (String name : body.propertyNames()) {
            if (!FIELDS.contains(name)) {
                throw OpenAiException.invalid(name, "Unrecognized request argument supplied: " + name);
            }
        }
        String model = requiredString(body, "model");
        String trainingFile = file(body, "training_file", true);
        String validationFile = file(body, "validation_file", false);
        Map<String, Object> hyperparameters = hyperparameters(body);
        String suffix = optionalString(body, "suffix");
        if (suffix != null && (suffix.isEmpty() || suffix.length() > 64)) {
            throw OpenAiException.invalid("suffix", "suffix must be 1 to 64 characters.");
        }
        Long seed = seed(body);
        Map<String, String> metadata = metadata(body);
        String provider = metadata.remove(PROVIDER);
        List<String> fallbacks = fallbacks(metadata.remove(FALLBACKS));
        BigDecimal budget = budget(metadata.remove(BUDGET));

        Map<String, Map<String, Object>> providerOptions = new LinkedHashMap<>();
        if ("openai".equals(provider) || fallbacks.contains("openai")) {
            Map<String, Object> openai = new LinkedHashMap<>();
            if (suffix != null) {
                openai.put("suffix", suffix);
            }
            if (seed != null) {
                openai.put("seed", seed);
            }
            JsonNode integrations = body.get("integrations");
            if (integrations != null && integrations.isArray() && !integrations.isEmpty()) {
                openai.put("integrations", JsonMapper.shared().treeToValue(integrations, List.class));
            }
            if (!openai.isEmpty()) {
                providerOptions.put("openai", openai);
            }
        }
        return new JobRequest(jobName(suffix, model), model, trainingFile, validationFile, hyperparameters,
                provider == null || provider.isBlank() ? "auto" : provider.strip(), fallbacks, budget, null,
                metadata, providerOptions.isEmpty() ? null : providerOptions);
    }

    /** The registered model's name: the suffix, else the base model made URL-safe. */
    static String jobName(String suffix, String model) {
        String name = (suffix != null ? suffix : model).replaceAll("[^A-Za-z0-9._-]", "-")
                .replaceFirst("^[^A-Za-z0-9]+", "");
        if (name.isEmpty()) {
            name = "fine-tune";
        }
        return name.length() > 128 ? name.substring(0, 128) : name;
    }

    private static String file(JsonNode body, String field, boolean required) {
        String id = required ? requiredString(body, field) : optionalString(body, field);
        if (id != null && DatasetRef.parse(id).isEmpty()) {
            throw new OpenAiException(org.springframework.http.HttpStatus.BAD_REQUEST, "invalid " + field + ": " + id
                    + " (files are uploaded with POST /openai/v1/files)", field, "invalid_" + field);
        }
        return id;
    }

    /** {@code method.supervised.hyperparameters}, or the deprecated top-level {@code hyperparameters}. */
    private static Map<String, Object> hyperparameters(JsonNode body) {
        JsonNode method = body.get("method");
        JsonNode hyperparameters = body.get("hyperparameters");
        String param = "hyperparameters";
        if (method != null && !method.isNull()) {
            if (!method.isObject()) {
                throw OpenAiException.invalid("method", "method must be an object.");
            }
            String type = method.has("type") && method.get("type").isString() ? method.get("type").asString() : null;
            if (type == null) {
                throw OpenAiException.missing("method.type");
            }
            switch (type) {
                case "supervised" -> {
                    JsonNode supervised = method.get("supervised");
                    JsonNode inner = supervised == null || supervised.isNull() ? null : supervised.get("hyperparameters");
                    if (inner != null && !inner.isNull()) {
                        hyperparameters = inner;
                        param = "method.supervised.hyperparameters";
                    }
                }
                case "dpo" -> throw new OpenAiException(org.springframework.http.HttpStatus.BAD_REQUEST,
                        "method.type 'dpo' is not supported by this gateway: Tunegate has no preference (DPO) "
                                + "training; use 'supervised'.", "method.type", "unsupported_value");
                case "reinforcement" -> throw new OpenAiException(org.springframework.http.HttpStatus.BAD_REQUEST,
                        "method.type 'reinforcement' is not supported by this gateway; use 'supervised'.",
                        "method.type", "unsupported_value");
                default -> throw OpenAiException.invalid("method.type",
                        "Invalid method.type '" + type + "': expected 'supervised'.");
            }
        }
        if (hyperparameters == null || hyperparameters.isNull()) {
            return null;
        }
        if (!hyperparameters.isObject()) {
            throw OpenAiException.invalid(param, param + " must be an object.");
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : hyperparameters.properties()) {
            if (!HYPERPARAMETERS.contains(entry.getKey())) {
                throw OpenAiException.invalid(param + "." + entry.getKey(),
                        "Unrecognized hyperparameter: " + entry.getKey() + " (known: " + HYPERPARAMETERS + ")");
            }
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            if (value.isString() && "auto".equals(value.asString())) {
                values.put(entry.getKey(), "auto");
            } else if (value.isIntegralNumber()) {
                values.put(entry.getKey(), value.asLong());
            } else if (value.isNumber()) {
                values.put(entry.getKey(), value.asDouble());
            } else {
                throw OpenAiException.invalid(param + "." + entry.getKey(),
                        entry.getKey() + " must be a number or \"auto\".");
            }
        }
        return values;
    }

    private static Long seed(JsonNode body) {
        JsonNode seed = body.get("seed");
        if (seed == null || seed.isNull()) {
            return null;
        }
        if (!seed.isIntegralNumber() || seed.asLong() < 0 || seed.asLong() > Integer.MAX_VALUE) {
            throw OpenAiException.invalid("seed", "seed must be an integer from 0 to 2147483647.");
        }
        return seed.asLong();
    }

    private static Map<String, String> metadata(JsonNode body) {
        Map<String, String> metadata = new LinkedHashMap<>();
        JsonNode node = body.get("metadata");
        if (node == null || node.isNull()) {
            return metadata;
        }
        if (!node.isObject()) {
            throw OpenAiException.invalid("metadata", "metadata must be an object of strings.");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (!entry.getValue().isString()) {
                throw OpenAiException.invalid("metadata." + entry.getKey(), "metadata values must be strings.");
            }
            metadata.put(entry.getKey(), entry.getValue().asString());
        }
        return metadata;
    }

    private static List<String> fallbacks(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList());
    }

    private static BigDecimal budget(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw OpenAiException.invalid("metadata." + BUDGET, BUDGET + " must be a decimal number of US dollars.");
        }
    }

    private static String requiredString(JsonNode body, String field) {
        String value = optionalString(body, field);
        if (value == null || value.isBlank()) {
            throw OpenAiException.missing(field);
        }
        return value;
    }

    private static String optionalString(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw OpenAiException.invalid(field, field + " must be a string.");
        }
        return value.asString();
    }
}
