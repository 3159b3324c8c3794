package io.tunegate.provider.vertex;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Google Vertex AI Gemini tuning ({@code tunegate.providers.vertex.*}); policy keys (concurrency, retry, time
 * limits) are bound separately by {@code ProviderPolicies}.
 *
 * @param project         the Google Cloud project that runs and pays for tuning jobs
 * @param location        the region of the jobs ({@code global} for the global endpoint)
 * @param baseUrl         the Vertex AI host; null: the regional host of {@code location}
 * @param apiVersion      {@code v1} (what Google documents for tuning) or {@code v1beta1}
 * @param credentialsFile a service-account JSON key (any Google credentials JSON works); the adapter is off without
 * @param stagingBucket   the Cloud Storage bucket training files are written to, under {@code tunegate/}
 * @param storageBaseUrl  the Cloud Storage JSON API host
 * @param pollInterval    how often a running job is worth asking about
 */
@ConfigurationProperties("tunegate.providers.vertex")
public record VertexSettings(
        String project,
        @DefaultValue("us-central1") String location,
        URI baseUrl,
        @DefaultValue("v1") String apiVersion,
        Path credentialsFile,
        String stagingBucket,
        @DefaultValue("https://storage.googleapis.com") URI storageBaseUrl,
        @DefaultValue("30s") Duration pollInterval) {

    /** The Vertex AI host: configured, else {@code https://{location}-aiplatform.googleapis.com}. */
    public URI apiBase() {
        if (baseUrl != null) {
            return baseUrl;
        }
        return URI.create("global".equals(location) ? "https://aiplatform.googleapis.com"
                : "https://" + location + "-aiplatform.googleapis.com");
    }
}
