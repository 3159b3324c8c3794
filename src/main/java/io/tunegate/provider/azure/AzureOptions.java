package io.tunegate.provider.azure;

import io.tunegate.platform.web.ApiException;

import java.util.Map;

/**
 * A job's {@code provider_options.azure}: {@code seed} (integer 0..2147483647). Nothing else: {@code suffix}
 * carries the gateway job id (how a job is found again after a crash), and the GA API has no
 * {@code method} or {@code integrations}.
 */
record AzureOptions(Long seed) {

    static AzureOptions from(Map<String, Object> options) {
        if (options == null || options.isEmpty()) {
            return new AzureOptions(null);
        }
        for (String key : options.keySet()) {
            if (!key.equals("seed")) {
                throw ApiException.invalid("provider_options.azure." + key, key.equals("suffix")
                        ? "is set by the gateway (the job id, to find the job again after a crash)"
                        : "unknown Azure OpenAI option; known: seed");
            }
        }
        Object seed = options.get("seed");
        if (seed != null && !(seed instanceof Number n && Double.isFinite(n.doubleValue())
                && n.doubleValue() == Math.rint(n.doubleValue()) && n.longValue() >= 0 && n.longValue() <= Integer.MAX_VALUE)) {
            throw ApiException.invalid("provider_options.azure.seed", "must be an integer from 0 to 2147483647");
        }
        return new AzureOptions(seed == null ? null : ((Number) seed).longValue());
    }
}
