package io.tunegate.provider.azure;

import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.resilience.ProviderPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against a real Azure OpenAI resource, only when {@code TUNEGATE_PROVIDERS_AZURE_ENDPOINT} and
 * {@code TUNEGATE_PROVIDERS_AZURE_API_KEY} are set: uploads the ten-example dataset and waits for Azure to
 * process it, creates a one-epoch job on {@code TUNEGATE_LIVE_AZURE_MODEL} (default gpt-4o-mini-2024-07-18),
 * finds it by its suffix, reads it and cancels it.
 */
@EnabledIfEnvironmentVariable(named = "TUNEGATE_PROVIDERS_AZURE_ENDPOINT", matches = ".+")
@EnabledIfEnvironmentVariable(named = "TUNEGATE_PROVIDERS_AZURE_API_KEY", matches = ".+")
class AzureLiveIT {

    @Test
    void stagesSubmitsFindsFetchesAndCancels() {
        String version = System.getenv("TUNEGATE_PROVIDERS_AZURE_API_VERSION");
        AzureSettings settings = new AzureSettings(System.getenv("TUNEGATE_PROVIDERS_AZURE_ENDPOINT"),
                System.getenv("TUNEGATE_PROVIDERS_AZURE_API_KEY"), version == null || version.isBlank() ? "2024-10-21" : version,
                Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofSeconds(10));
        AzureOpenAiAdapter adapter = new AzureOpenAiAdapter(settings, new TranslatingExports(), ProviderPolicy.defaults(),
                Clock.systemUTC());
        String model = System.getenv().getOrDefault("TUNEGATE_LIVE_AZURE_MODEL", "gpt-4o-mini-2024-07-18");
        String key = UUID.randomUUID().toString();

        String file = adapter.stage(new StageRequest(UUID.randomUUID(), UUID.randomUUID(), "ds-live", model,
                StageRequest.Role.TRAINING));
        SubmittedJob job = adapter.submit(new SubmitRequest(key, "tunegate-live-it", "gpt-4o-mini", model, file, null,
                new Hyperparameters(1, null, null, null), Map.of()));
        try {
            assertThat(adapter.findSubmitted(key)).map(SubmittedJob::providerJobId).contains(job.providerJobId());
            ProviderJobSnapshot snapshot = adapter.fetch(job.providerJobId(), null);
            assertThat(snapshot.rawStatus()).isNotBlank();
        } finally {
            adapter.cancel(job.providerJobId());
        }
    }
}
