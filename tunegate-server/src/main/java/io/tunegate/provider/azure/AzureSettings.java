package io.tunegate.provider.azure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Azure OpenAI's fine-tuning API on one resource ({@code tunegate.providers.azure.*}; policy keys such as
 * {@code max-concurrent-jobs} are bound separately).
 *
 * @param endpoint              {@code https://{resource}.openai.azure.com/openai}
 *                              ({@code TUNEGATE_PROVIDERS_AZURE_ENDPOINT})
 * @param apiKey                sent as {@code api-key} ({@code TUNEGATE_PROVIDERS_AZURE_API_KEY})
 * @param apiVersion            added as {@code ?api-version=} to every call
 * @param filePollInterval      how often staging asks whether an uploaded file has been validated
 * @param fileProcessingTimeout how long staging waits for that before giving up (transiently)
 */
@ConfigurationProperties("tunegate.providers.azure")
public record AzureSettings(
        String endpoint,
        String apiKey,
        @DefaultValue("2024-10-21") String apiVersion,
        @DefaultValue("30s") Duration pollInterval,
        @DefaultValue("5s") Duration filePollInterval,
        @DefaultValue("10m") Duration fileProcessingTimeout,
        @DefaultValue("10s") Duration connectTimeout) {

    @Override
    public String toString() {
        return "AzureSettings[endpoint=" + endpoint + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "(none)" : "****")
                + ", apiVersion=" + apiVersion + "]";
    }
}
