package io.tunegate.provider.vertex;

import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.resilience.ProviderPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real Vertex AI and Cloud Storage, only with {@code TUNEGATE_PROVIDERS_VERTEX_CREDENTIALS_FILE},
 * {@code _PROJECT} and {@code _STAGING_BUCKET} set ({@code _LOCATION} optional): uploads the ten-example dataset,
 * creates a one-epoch job ({@code VERTEX_LIVE_MODEL}, default {@code gemini-2.5-flash-lite}), reads it, finds it
 * by its label, and cancels it at once.
 */
@EnabledIfEnvironmentVariable(named = "TUNEGATE_PROVIDERS_VERTEX_CREDENTIALS_FILE", matches = ".+")
@EnabledIfEnvironmentVariable(named = "TUNEGATE_PROVIDERS_VERTEX_PROJECT", matches = ".+")
@EnabledIfEnvironmentVariable(named = "TUNEGATE_PROVIDERS_VERTEX_STAGING_BUCKET", matches = ".+")
class VertexLiveIT {

    @Test
    void stagesSubmitsFollowsFindsAndCancels() {
        String model = System.getenv().getOrDefault("VERTEX_LIVE_MODEL", "gemini-2.5-flash-lite");
        Path credentials = Path.of(System.getenv("TUNEGATE_PROVIDERS_VERTEX_CREDENTIALS_FILE"));
        VertexSettings settings = new VertexSettings(System.getenv("TUNEGATE_PROVIDERS_VERTEX_PROJECT"),
                System.getenv().getOrDefault("TUNEGATE_PROVIDERS_VERTEX_LOCATION", "us-central1"), null, "v1",
                credentials, System.getenv("TUNEGATE_PROVIDERS_VERTEX_STAGING_BUCKET"),
                URI.create("https://storage.googleapis.com"), Duration.ofSeconds(30));
        VertexAdapter adapter = new VertexAdapter(settings, VertexAuth.fromFile(credentials), new TranslatingExports(),
                ProviderPolicy.defaults(), Clock.systemUTC());
        String key = UUID.randomUUID().toString();

        String uri = adapter.stage(new StageRequest(UUID.randomUUID(), UUID.randomUUID(), "ds-live", model,
                StageRequest.Role.TRAINING));
        assertThat(uri).startsWith("gs://");
        SubmittedJob job = adapter.submit(new SubmitRequest(key, "tunegate-live-test", model, model, uri, null,
                new Hyperparameters(1, null, null, null), Map.of()));
        try {
            ProviderJobSnapshot snapshot = adapter.fetch(job.providerJobId(), null);
            assertThat(snapshot.rawStatus()).startsWith("JOB_STATE_");
            assertThat(adapter.findSubmitted(key)).map(SubmittedJob::providerJobId).contains(job.providerJobId());
        } finally {
            adapter.cancel(job.providerJobId());
        }
        assertThat(adapter.fetch(job.providerJobId(), null).rawStatus())
                .isIn("JOB_STATE_CANCELLING", "JOB_STATE_CANCELLED", "JOB_STATE_FAILED");
    }
}
