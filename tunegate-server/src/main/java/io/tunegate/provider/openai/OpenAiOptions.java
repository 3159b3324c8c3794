package io.tunegate.provider.openai;

import io.tunegate.platform.web.ApiException;
import io.tunegate.provider.options.OptionReader;

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

    /** Checks and reads the options; bad input is an {@link ApiException} naming the field. */
    static OpenAiOptions from(Map<String, Object> options) {
        OptionReader in = OptionReader.of(OpenAiAdapter.ID, options).allowOnly(KEYS);
        String suffix = in.text("suffix");
        if (suffix != null && suffix.length() > 64) {
            throw in.invalid("suffix", "must be a string of 1-64 characters");
        }
        Integer seed = in.integer("seed", 0, Integer.MAX_VALUE);
        Double beta = in.decimal("beta", 0, 2);
        if (beta != null && beta == 0) {
            throw in.invalid("beta", "must be a number greater than 0 and at most 2");
        }
        Object integrations = in.raw("integrations");
        if (integrations != null) {
            checkIntegrations(in, integrations);
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) integrations;
        return new OpenAiOptions(suffix, seed == null ? null : seed.longValue(), list, beta);
    }

    private static void checkIntegrations(OptionReader in, Object integrations) {
        if (!(integrations instanceof List<?> list) || list.size() > 5) {
            throw in.invalid("integrations", "must be a list of at most 5 integrations");
        }
        for (int i = 0; i < list.size(); i++) {
            String at = "integrations[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> item) || !"wandb".equals(item.get("type"))) {
                throw in.invalid(at + ".type", "must be \"wandb\" (the only integration OpenAI offers)");
            }
            if (!(item.get("wandb") instanceof Map<?, ?> wandb) || !(wandb.get("project") instanceof String p)
                    || p.isBlank()) {
                throw in.invalid(at + ".wandb.project", "is required (a string)");
            }
        }
    }
}
