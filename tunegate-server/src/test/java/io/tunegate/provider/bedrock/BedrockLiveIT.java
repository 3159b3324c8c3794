package io.tunegate.provider.bedrock;

import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
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
 * Against the real Bedrock control plane and S3: stages the ten-example chat set, creates a one-epoch job,
 * reads it, finds it by its key, and stops it at once (a job stopped during validation trains nothing).
 * Runs only when TUNEGATE_PROVIDERS_BEDROCK_REGION, _ROLE_ARN and _STAGING_URI are set; credentials come from
 * TUNEGATE_PROVIDERS_BEDROCK_ACCESS_KEY_ID/_SECRET_ACCESS_KEY/_SESSION_TOKEN or the AWS default chain. The model
 * is TUNEGATE_BEDROCK_LIVE_MODEL (default amazon.nova-micro-v1:0:128k, offered in us-east-1).
 */
@EnabledIfEnvironmentVariable(named = "TUNEGATE_PROVIDERS_BEDROCK_REGION", matches = ".+")
@EnabledIfEnvironmentVariable(named = "TUNEGATE_PROVIDERS_BEDROCK_ROLE_ARN", matches = ".+")
@EnabledIfEnvironmentVariable(named = "TUNEGATE_PROVIDERS_BEDROCK_STAGING_URI", matches = ".+")
class BedrockLiveIT {

    @Test
    void stagesSubmitsFollowsAndStopsARealJob() {
        BedrockSettings settings = new BedrockSettings(env("REGION"), uri(env("ENDPOINT")), env("ROLE_ARN"),
                env("STAGING_URI"), env("OUTPUT_URI"), env("ACCESS_KEY_ID"), env("SECRET_ACCESS_KEY"),
                env("SESSION_TOKEN"), env("API_KEY"), null, false, Duration.ofSeconds(60), Duration.ofSeconds(10));
        String model = System.getenv().getOrDefault("TUNEGATE_BEDROCK_LIVE_MODEL", "amazon.nova-micro-v1:0:128k");
        String id = BedrockFamily.of(model) == BedrockFamily.CLAUDE ? "anthropic" : "bedrock";
        try (BedrockTesting.Built built = BedrockTesting.build(id, settings, new TranslatingExports(),
                ProviderPolicy.defaults(), Clock.systemUTC())) {
            BedrockAdapter adapter = built.adapter();
            String key = UUID.randomUUID().toString();

            String training = adapter.stage(new StageRequest(UUID.fromString(key), UUID.randomUUID(), "ds-live", model,
                    StageRequest.Role.TRAINING));
            SubmittedJob job = adapter.submit(new SubmitRequest(key, "tunegate live test", "live", model, training,
                    null, new Hyperparameters(1, null, null, null), Map.of()));
            try {
                ProviderJobSnapshot snapshot = adapter.fetch(job.providerJobId(), null);
                assertThat(snapshot.state().isTerminal()).isFalse();
                assertThat(snapshot.rawStatus()).isEqualTo("InProgress");
                assertThat(adapter.findSubmitted(key)).map(SubmittedJob::providerJobId).contains(job.providerJobId());
            } finally {
                adapter.cancel(job.providerJobId());
            }
            assertThat(adapter.fetch(job.providerJobId(), null).rawStatus()).isIn("Stopping", "Stopped");
            assertThat(adapter.fetch(job.providerJobId(), null).state())
                    .isIn(ProviderJobState.RUNNING, ProviderJobState.CANCELLED);
        }
    }

    private static String env(String name) {
        String value = System.getenv("TUNEGATE_PROVIDERS_BEDROCK_" + name);
        return value == null || value.isBlank() ? null : value;
    }

    private static URI uri(String value) {
        return value == null ? null : URI.create(value);
    }
}
