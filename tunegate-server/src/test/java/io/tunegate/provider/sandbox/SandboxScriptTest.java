package io.tunegate.provider.sandbox;

import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SandboxScriptTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static SandboxJob job(SandboxJob.Outcome outcome, Instant cancelledAt) {
        return new SandboxJob("sbx-1", "token", "llama", outcome, 10, Duration.ofSeconds(100), 10_000, T0,
                cancelledAt);
    }

    @Test
    void queuedThenRunningWithAFallingLossThenSucceeded() {
        SandboxJob job = job(SandboxJob.Outcome.SUCCEED, null);
        assertThat(SandboxScript.at(job, T0.plusSeconds(5), null).state()).isEqualTo(ProviderJobState.QUEUED);

        ProviderJobSnapshot running = SandboxScript.at(job, T0.plusSeconds(55), null);
        assertThat(running.state()).isEqualTo(ProviderJobState.RUNNING);
        assertThat(running.rawStatus()).isEqualTo("training");
        assertThat(running.metrics()).hasSize(5);
        for (int i = 1; i < running.metrics().size(); i++) {
            assertThat(running.metrics().get(i).trainLoss()).isLessThan(running.metrics().get(i - 1).trainLoss());
        }

        ProviderJobSnapshot done = SandboxScript.at(job, T0.plusSeconds(100), null);
        assertThat(done.state()).isEqualTo(ProviderJobState.SUCCEEDED);
        assertThat(done.fineTunedModel()).isEqualTo("sandbox:llama:sbx-1");
        assertThat(done.trainedTokens()).isEqualTo(10_000);
        assertThat(done.metrics()).hasSize(10);
    }

    @Test
    void failsHalfwayWhenAskedTo() {
        ProviderJobSnapshot failed = SandboxScript.at(job(SandboxJob.Outcome.FAIL, null), T0.plusSeconds(90), null);
        assertThat(failed.state()).isEqualTo(ProviderJobState.FAILED);
        assertThat(failed.metrics()).hasSize(5);
        assertThat(failed.error().code()).isEqualTo("sandbox_training_failed");
    }

    @Test
    void cancelStopsTheClock() {
        ProviderJobSnapshot cancelled = SandboxScript.at(job(SandboxJob.Outcome.SUCCEED, T0.plusSeconds(37)),
                T0.plusSeconds(500), null);
        assertThat(cancelled.state()).isEqualTo(ProviderJobState.CANCELLED);
        assertThat(cancelled.metrics()).hasSize(3);
    }

    @Test
    void theCursorReturnsOnlyNewEvents() {
        SandboxJob job = job(SandboxJob.Outcome.SUCCEED, null);
        ProviderJobSnapshot first = SandboxScript.at(job, T0.plusSeconds(30), null);
        ProviderJobSnapshot second = SandboxScript.at(job, T0.plusSeconds(60), first.nextEventCursor());
        assertThat(second.events()).isNotEmpty();
        assertThat(second.events()).extracting(ProviderJobSnapshot.Event::id)
                .doesNotContainAnyElementsOf(first.events().stream().map(ProviderJobSnapshot.Event::id).toList());
        ProviderJobSnapshot again = SandboxScript.at(job, T0.plusSeconds(60), second.nextEventCursor());
        assertThat(again.events()).isEmpty();
    }
}
