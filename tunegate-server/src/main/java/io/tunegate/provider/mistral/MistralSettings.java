package io.tunegate.provider.mistral;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.time.Duration;

/**
 * Mistral AI fine-tuning ({@code tunegate.providers.mistral.*}); policy keys (concurrency, retry, time limits) are
 * bound separately by {@code ProviderPolicies}.
 *
 * @param baseUrl      the API root, without {@code /v1}
 * @param apiKey       {@code TUNEGATE_PROVIDERS_MISTRAL_API_KEY}; the adapter is off without it
 * @param wandbApiKey  Weights &amp; Biases key sent with a job's {@code wandb} option, kept in configuration so it
 *                     is never stored with (or returned by) a job
 * @param pollInterval how often a running job is worth asking about
 */
@ConfigurationProperties("tunegate.providers.mistral")
public record MistralSettings(
        @DefaultValue("https://api.mistral.ai") URI baseUrl,
        String apiKey,
        String wandbApiKey,
        @DefaultValue("30s") Duration pollInterval) {

    @Override
    public String toString() {
        return "MistralSettings[baseUrl=" + baseUrl + ", apiKey=" + mask(apiKey) + ", wandbApiKey="
                + mask(wandbApiKey) + ", pollInterval=" + pollInterval + "]";
    }

    private static String mask(String secret) {
        return secret == null || secret.isBlank() ? "(none)" : "(set)";
    }
}
