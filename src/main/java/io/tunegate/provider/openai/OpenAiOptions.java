package io.tunegate.provider.openai;

import io.tunegate.platform.web.ApiException;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A job's {@code provider_options.openai}, passed through to OpenAI:
 * <ul>
 *   <li>{@code suffix}: 1-64 characters, part of the fine-tuned model's name ({@code ft:<base>:<org>:<suffix>:<id>});</li>
 *   <li>{@code seed}: integer 0..2147483647, for reproducible training;</li>
 *   <li>{@code integrations}: OpenAI's list as it is, e.g. {@code [{"type": "wandb", "wandb": {"project": "p"}}]}
 *       (only Weights &amp; Biases exists; {@code wandb.project} is required);</li>
 *   <li>{@code beta}: DPO's beta, in (0, 2]; only for preference data (a chat dataset with {@code beta} is
 *       refused at submission rather than trained without it).</li>
 * </ul>
 */
record OpenAiOptions(String suffix, Long seed, List<Object> integrations, Double beta) {

    static final Set<String> KEYS = Set.of("suffix", "seed", "integrations", "beta");
    private static final String FIELD = "provider_options.openai.";

    /** Checks and reads the options; bad input is an {@link ApiException} naming the field. */
    static OpenAiOptions from(Map<String, Object> options) {
        if (options == null || options.isEmpty()) {
            return new OpenAiOptions(null, null, null, null);
        }
        for (String key : options.keySet()) {
            if (!KEYS.contains(key)) {
                throw ApiException.invalid(FIELD + key, "unknown OpenAI option; known: suffix, seed, integrations, beta");
            }
        }
        Object suffix = options.get("suffix");
        if (suffix != null && !(suffix instanceof String s && !s.isBlank() && s.length() <= 64)) {
            throw ApiException.invalid(FIELD + "suffix", "must be a string of 1-64 characters");
        }
        Object seed = options.get("seed");
        if (seed != null && !(seed instanceof Number n && isWhole(n) && n.longValue() >= 0
                && n.longValue() <= Integer.MAX_VALUE)) {
            throw ApiException.invalid(FIELD + "seed", "must be an integer from 0 to 2147483647");
        }
        Object beta = options.get("beta");
        if (beta != null && !(beta instanceof Number b && b.doubleValue() > 0 && b.doubleValue() <= 2)) {
            throw ApiException.invalid(FIELD + "beta", "must be a number greater than 0 and at most 2");
        }
        Object integrations = options.get("integrations");
        if (integrations != null) {
            checkIntegrations(integrations);
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) integrations;
        return new OpenAiOptions((String) suffix, seed == null ? null : ((Number) seed).longValue(), list,
                beta == null ? null : ((Number) beta).doubleValue());
    }

    private static void checkIntegrations(Object integrations) {
        if (!(integrations instanceof List<?> list) || list.size() > 5) {
            throw ApiException.invalid(FIELD + "integrations", "must be a list of at most 5 integrations");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = FIELD + "integrations[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> item) || !"wandb".equals(item.get("type"))) {
                throw ApiException.invalid(at + ".type", "must be \"wandb\" (the only integration OpenAI offers)");
            }
            if (!(item.get("wandb") instanceof Map<?, ?> wandb) || !(wandb.get("project") instanceof String p)
                    || p.isBlank()) {
                throw ApiException.invalid(at + ".wandb.project", "is required (a string)");
            }
        }
    }

    private static boolean isWhole(Number n) {
        double value = n.doubleValue();
        return Double.isFinite(value) && value == Math.rint(value);
    }
}
