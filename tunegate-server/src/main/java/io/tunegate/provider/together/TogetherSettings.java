package io.tunegate.provider.together;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Together AI ({@code tunegate.providers.together.*}); the policy keys of the same prefix (timeouts, retries,
 * max-concurrent-jobs) are bound by {@code ProviderPolicies}.
 *
 * @param baseUrl        the API root, with {@code /v1}
 * @param apiKey         bearer key ({@code TUNEGATE_PROVIDERS_TOGETHER_API_KEY}); the adapter is off without one
 * @param connectTimeout time to open a connection
 * @param pollInterval   how often a running job is read
 */
@ConfigurationProperties("tunegate.providers.together")
public record TogetherSettings(
        @DefaultValue("https://api.together.xyz/v1") URI baseUrl,
        String apiKey,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration pollInterval) {

    @Override
    public String toString() {
        return "TogetherSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "none" : "***")
                + ", connectTimeout=" + connectTimeout + ", pollInterval=" + pollInterval + "]";
    }
}
