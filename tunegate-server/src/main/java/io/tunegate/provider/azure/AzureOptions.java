package io.tunegate.provider.azure;

import io.tunegate.provider.options.OptionReader;

import java.util.Map;
import java.util.Set;

/**
 * A job's {@code provider_options.azure}: {@code seed} (integer 0..2147483647). Nothing else: {@code suffix}
 * carries the gateway job id (how a job is found again after a crash), and the GA API has no
 * {@code method} or {@code integrations}.
 */
record AzureOptions(Long seed) {

    static AzureOptions from(Map<String, Object> options) {
        OptionReader in = OptionReader.of(AzureOpenAiAdapter.ID, options);
        if (in.has("suffix")) {
            throw in.invalid("suffix", "is set by the gateway (the job id, to find the job again after a crash)");
        }
        Integer seed = in.allowOnly(Set.of("seed")).integer("seed", 0, Integer.MAX_VALUE);
        return new AzureOptions(seed == null ? null : seed.longValue());
    }
}
