package io.tunegate.provider.fireworks;

import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.resilience.ProviderPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Against the real Fireworks API, only when {@code TUNEGATE_PROVIDERS_FIREWORKS_API_KEY} and
 * {@code TUNEGATE_PROVIDERS_FIREWORKS_ACCOUNT_ID} are set: creates the dataset (direct upload), a one-epoch SFT
 * job (model from {@code FIREWORKS_LIVE_MODEL}, default Qwen 2.5 7B), reads it back, finds it by its key, and
 * cancels it at once. This is where the unverified parts (the cancel path, 409 on a repeated id, error bodies)
 * get checked.
 */
@EnabledIfEnvironmentVariable(named = "TUNEGATE_PROVIDERS_FIREWORKS_API_KEY", matches = ".+")
@EnabledIfEnvironmentVariable(named = "TUNEGATE_PROVIDERS_FIREWORKS_ACCOUNT_ID", matches = ".+")
class FireworksLiveIT {

    @Test
    void stagesSubmitsFollowsAndCancels() {
        FireworksSettings settings = new FireworksSettings(URI.create("https://api.fireworks.ai"),
                System.getenv("TUNEGATE_PROVIDERS_FIREWORKS_API_KEY"),
                System.getenv("TUNEGATE_PROVIDERS_FIREWORKS_ACCOUNT_ID"), DataSize.ofMegabytes(150),
                Duration.ofSeconds(10), Duration.ofSeconds(30));
        FireworksAdapter adapter = new FireworksAdapter(settings, ProviderPolicy.defaults(), new TranslatingExports(),
                Clock.systemUTC());
        String model = Optional.ofNullable(System.getenv("FIREWORKS_LIVE_MODEL"))
                .orElse("accounts/fireworks/models/qwen2p5-7b-instruct");
        String key = UUID.randomUUID().toString();

        String dataset = adapter.stage(new StageRequest(UUID.randomUUID(), UUID.randomUUID(), "ds-live", model,
                StageRequest.Role.TRAINING));
        SubmitRequest request = new SubmitRequest(key, "tunegate live test", "live", model, dataset, null,
                new Hyperparameters(1, null, null, null), Map.of());
        SubmittedJob job = adapter.submit(request);
        try {
            ProviderJobSnapshot snapshot = adapter.fetch(job.providerJobId(), null);
            assertThat(snapshot.rawStatus()).startsWith("JOB_STATE_");
            assertThat(adapter.findSubmitted(key)).map(SubmittedJob::providerJobId).contains(job.providerJobId());
            // the same client-chosen id again: adopted, not duplicated
            assertThat(adapter.submit(request).providerJobId()).isEqualTo(job.providerJobId());
        } finally {
            adapter.cancel(job.providerJobId());
        }
    }
}
