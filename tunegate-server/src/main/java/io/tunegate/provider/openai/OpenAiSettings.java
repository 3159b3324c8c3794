package io.tunegate.provider.openai;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * OpenAI's fine-tuning API ({@code tunegate.providers.openai.*}; policy keys such as
 * {@code max-concurrent-jobs} are bound separately).
 *
 * @param apiKey        {@code TUNEGATE_PROVIDERS_OPENAI_API_KEY}; without it the adapter is off
 * @param organization  sent as {@code OpenAI-Organization} when set
 * @param project       sent as {@code OpenAI-Project} when set
 * @param webhookSecret the {@code whsec_...} signing secret of the project's webhook endpoint; without it
 *                      {@code POST /v1/provider-webhooks/openai} answers 404
 */
@ConfigurationProperties("tunegate.providers.openai")
public record OpenAiSettings(
        @DefaultValue("https://api.openai.com/v1") String baseUrl,
        String apiKey,
        String organization,
        String project,
        String webhookSecret,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("10s") Duration connectTimeout) {

    public boolean hasWebhookSecret() {
        return webhookSecret != null && !webhookSecret.isBlank();
    }

    @Override
    public String toString() {
        return "OpenAiSettings[baseUrl=" + baseUrl + ", apiKey=" + mask(apiKey) + ", organization=" + organization
                + ", project=" + project + ", webhookSecret=" + mask(webhookSecret) + ", pollInterval=" + pollInterval
                + "]";
    }

    static String mask(String secret) {
        return secret == null || secret.isBlank() ? "(none)" : "****";
    }
}
