package io.tunegate.provider.fireworks;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Duration;

/**
 * Fireworks AI ({@code tunegate.providers.fireworks.*}); the policy keys of the same prefix (timeouts, retries,
 * max-concurrent-jobs) are bound by {@code ProviderPolicies}.
 *
 * @param baseUrl         the API host; every path is under {@code /v1/accounts/{account-id}}
 * @param apiKey          bearer key ({@code TUNEGATE_PROVIDERS_FIREWORKS_API_KEY})
 * @param accountId       the account that owns datasets and jobs ({@code TUNEGATE_PROVIDERS_FIREWORKS_ACCOUNT_ID})
 * @param directUploadMax datasets up to this size go up in one multipart {@code :upload}; larger ones through a
 *                        signed URL ({@code :getUploadEndpoint}, PUT, {@code :validateUpload}). Fireworks' own
 *                        threshold is not documented
 * @param connectTimeout  time to open a connection
 * @param pollInterval    how often a running job is read
 */
@ConfigurationProperties("tunegate.providers.fireworks")
public record FireworksSettings(
        @DefaultValue("https://api.fireworks.ai") URI baseUrl,
        String apiKey,
        String accountId,
        @DefaultValue("150MB") DataSize directUploadMax,
        @DefaultValue("10s") Duration connectTimeout,
        @DefaultValue("30s") Duration pollInterval) {

    @Override
    public String toString() {
        return "FireworksSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null || apiKey.isBlank() ? "none" : "***")
                + ", accountId=" + accountId + ", directUploadMax=" + directUploadMax + ", connectTimeout="
                + connectTimeout + ", pollInterval=" + pollInterval + "]";
    }
}
