package io.tunegate.provider.openai;

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
 * Against the real OpenAI API, only when {@code TUNEGATE_PROVIDERS_OPENAI_API_KEY} is set: stages the ten-example
 * chat dataset, creates a one-epoch job on {@code TUNEGATE_LIVE_OPENAI_MODEL} (default gpt-4o-mini-2024-07-18),
 * finds it by its key, reads it and cancels it at once (a job cancelled while validating costs nothing). OpenAI
 * refuses new jobs from organisations without recent fine-tuning use since 2026-07-02: that is a permanent
 * refusal carrying OpenAI's message, and this test then fails with it.
 */
@EnabledIfEnvironmentVariable(named = "TUNEGATE_PROVIDERS_OPENAI_API_KEY", matches = ".+")
class OpenAiLiveIT {

    @Test
    void stagesSubmitsFindsFetchesAndCancels() {
        OpenAiSettings settings = new OpenAiSettings(env("TUNEGATE_PROVIDERS_OPENAI_BASE_URL", "https://api.openai.com/v1"),
                System.getenv("TUNEGATE_PROVIDERS_OPENAI_API_KEY"), System.getenv("TUNEGATE_PROVIDERS_OPENAI_ORGANIZATION"),
                System.getenv("TUNEGATE_PROVIDERS_OPENAI_PROJECT"), null, Duration.ofSeconds(30), Duration.ofSeconds(10));
        OpenAiAdapter adapter = new OpenAiAdapter(settings, new TranslatingExports(), ProviderPolicy.defaults(),
                Clock.systemUTC());
        String model = env("TUNEGATE_LIVE_OPENAI_MODEL", "gpt-4o-mini-2024-07-18");
        String key = UUID.randomUUID().toString();

        String file = adapter.stage(new StageRequest(UUID.randomUUID(), UUID.randomUUID(), "ds-live", model,
                StageRequest.Role.TRAINING));
        SubmittedJob job = adapter.submit(new SubmitRequest(key, "tunegate-live-it", "gpt-4o-mini", model, file, null,
                new Hyperparameters(1, null, null, null), Map.of("suffix", "tunegate-it")));
        try {
            assertThat(job.providerJobId()).startsWith("ftjob-");
            assertThat(adapter.findSubmitted(key)).map(SubmittedJob::providerJobId).contains(job.providerJobId());
            ProviderJobSnapshot snapshot = adapter.fetch(job.providerJobId(), null);
            assertThat(snapshot.rawStatus()).isNotBlank();
        } finally {
            adapter.cancel(job.providerJobId());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
