package io.tunegate.provider.together;

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
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real Together API, only when {@code TUNEGATE_PROVIDERS_TOGETHER_API_KEY} is set: uploads the ten
 * example conversations, creates a one-epoch job (model from {@code TOGETHER_LIVE_MODEL}, default Llama 3.2 3B),
 * reads it back, finds it by its key, and cancels it at once. A cancelled job may still be billed for the tokens
 * processed before it stopped.
 */
@EnabledIfEnvironmentVariable(named = "TUNEGATE_PROVIDERS_TOGETHER_API_KEY", matches = ".+")
class TogetherLiveIT {

    @Test
    void stagesSubmitsFollowsAndCancels() {
        TogetherSettings settings = new TogetherSettings(URI.create(Optional.ofNullable(
                System.getenv("TUNEGATE_PROVIDERS_TOGETHER_BASE_URL")).orElse("https://api.together.xyz/v1")),
                System.getenv("TUNEGATE_PROVIDERS_TOGETHER_API_KEY"), Duration.ofSeconds(10), Duration.ofSeconds(30));
        TogetherAdapter adapter = new TogetherAdapter(settings, ProviderPolicy.defaults(), new TranslatingExports(),
                Clock.systemUTC());
        String model = Optional.ofNullable(System.getenv("TOGETHER_LIVE_MODEL")).orElse("meta-llama/Llama-3.2-3B-Instruct");
        String key = UUID.randomUUID().toString();

        String file = adapter.stage(new StageRequest(UUID.randomUUID(), UUID.randomUUID(), "ds-live", model,
                StageRequest.Role.TRAINING));
        SubmittedJob job = adapter.submit(new SubmitRequest(key, "tunegate live test", "live", model, file, null,
                new Hyperparameters(1, null, null, null), Map.of()));
        try {
            ProviderJobSnapshot snapshot = adapter.fetch(job.providerJobId(), null);
            assertThat(snapshot.rawStatus()).isNotBlank();
            assertThat(adapter.findSubmitted(key)).map(SubmittedJob::providerJobId).contains(job.providerJobId());
        } finally {
            adapter.cancel(job.providerJobId());
        }
    }
}
