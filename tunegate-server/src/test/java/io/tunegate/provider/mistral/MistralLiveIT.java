package io.tunegate.provider.mistral;

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
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real Mistral API, only with {@code TUNEGATE_PROVIDERS_MISTRAL_API_KEY} set: stages the ten-example
 * dataset, creates a one-step job ({@code MISTRAL_LIVE_MODEL}, default {@code open-mistral-nemo}), reads it, finds
 * it again by its tag, and cancels it at once. A job that starts before the cancel lands may be billed Mistral's
 * minimum fee.
 */
@EnabledIfEnvironmentVariable(named = "TUNEGATE_PROVIDERS_MISTRAL_API_KEY", matches = ".+")
class MistralLiveIT {

    @Test
    void stagesSubmitsFollowsFindsAndCancels() {
        String base = System.getenv().getOrDefault("TUNEGATE_PROVIDERS_MISTRAL_BASE_URL", "https://api.mistral.ai");
        String model = System.getenv().getOrDefault("MISTRAL_LIVE_MODEL", "open-mistral-nemo");
        MistralAdapter adapter = new MistralAdapter(new MistralSettings(URI.create(base),
                System.getenv("TUNEGATE_PROVIDERS_MISTRAL_API_KEY"), null, Duration.ofSeconds(30)),
                new TranslatingExports(), ProviderPolicy.defaults(), Clock.systemUTC());
        String key = UUID.randomUUID().toString();

        String file = adapter.stage(new StageRequest(UUID.randomUUID(), UUID.randomUUID(), "ds-live", model,
                StageRequest.Role.TRAINING));
        SubmittedJob job = adapter.submit(new SubmitRequest(key, "tunegate-live-test", model, model, file, null,
                Hyperparameters.AUTO, Map.of("training_steps", 1)));
        try {
            ProviderJobSnapshot snapshot = adapter.fetch(job.providerJobId(), null);
            assertThat(snapshot.rawStatus()).isNotBlank();
            assertThat(adapter.findSubmitted(key)).map(SubmittedJob::providerJobId).contains(job.providerJobId());
        } finally {
            adapter.cancel(job.providerJobId());
        }
        assertThat(adapter.fetch(job.providerJobId(), null).rawStatus())
                .isIn("CANCELLATION_REQUESTED", "CANCELLED", "FAILED_VALIDATION", "FAILED");
    }
}
