package io.tunegate.provider.sandbox;

import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

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
    void aPausedJobStandsStillUntilResumedThenFinishesAsLateAsItWasPaused() {
        SandboxJob paused = new SandboxJob("sbx-1", "token", "llama", SandboxJob.Outcome.SUCCEED, 10,
                Duration.ofSeconds(100), 10_000, T0, null, List.of(T0.plusSeconds(37)));
        ProviderJobSnapshot atPause = SandboxScript.at(paused, T0.plusSeconds(37), null);
        ProviderJobSnapshot muchLater = SandboxScript.at(paused, T0.plusSeconds(500), null);
        assertThat(muchLater.state()).isEqualTo(ProviderJobState.PAUSED);
        assertThat(muchLater.rawStatus()).isEqualTo("paused");
        assertThat(muchLater.metrics()).hasSize(3);
        assertThat(muchLater.trainedTokens()).isEqualTo(atPause.trainedTokens()).isEqualTo(3_000);
        assertThat(muchLater.progress()).isEqualTo(0.3);

        // resumed after 63 s: 100 s of job time end at the wall clock's 163 s
        SandboxJob resumed = new SandboxJob("sbx-1", "token", "llama", SandboxJob.Outcome.SUCCEED, 10,
                Duration.ofSeconds(100), 10_000, T0, null, List.of(T0.plusSeconds(37), T0.plusSeconds(100)));
        ProviderJobSnapshot running = SandboxScript.at(resumed, T0.plusSeconds(162), null);
        assertThat(running.state()).isEqualTo(ProviderJobState.RUNNING);
        assertThat(running.rawStatus()).isEqualTo("training");
        ProviderJobSnapshot done = SandboxScript.at(resumed, T0.plusSeconds(163), null);
        assertThat(done.state()).isEqualTo(ProviderJobState.SUCCEEDED);
        assertThat(done.metrics()).hasSize(10);
        // events are dated on the wall clock: step 3 before the pause, step 4 after it
        assertThat(done.events()).filteredOn(e -> e.message().startsWith("Step 3/"))
                .singleElement().extracting(ProviderJobSnapshot.Event::createdAt).isEqualTo(T0.plusSeconds(37));
        assertThat(done.events()).filteredOn(e -> e.message().startsWith("Step 4/"))
                .singleElement().extracting(ProviderJobSnapshot.Event::createdAt).isEqualTo(T0.plusSeconds(109));
        assertThat(done.events().getLast().createdAt()).isEqualTo(T0.plusSeconds(163));
    }

    @Test
    void aPausedJobCanBeCancelled() {
        SandboxJob job = new SandboxJob("sbx-1", "token", "llama", SandboxJob.Outcome.SUCCEED, 10,
                Duration.ofSeconds(100), 10_000, T0, T0.plusSeconds(60), List.of(T0.plusSeconds(37)));
        ProviderJobSnapshot cancelled = SandboxScript.at(job, T0.plusSeconds(500), null);
        assertThat(cancelled.state()).isEqualTo(ProviderJobState.CANCELLED);
        assertThat(cancelled.metrics()).hasSize(3);
    }

    @Test
    void theJobClockLeavesOutEveryPauseBeforeTheMoment() {
        SandboxClock clock = new SandboxClock(List.of(T0.plusSeconds(30), T0.plusSeconds(50), T0.plusSeconds(70),
                T0.plusSeconds(80)));
        assertThat(clock.jobTime(T0.plusSeconds(20))).isEqualTo(T0.plusSeconds(20));
        assertThat(clock.jobTime(T0.plusSeconds(40))).isEqualTo(T0.plusSeconds(30));
        assertThat(clock.jobTime(T0.plusSeconds(85))).isEqualTo(T0.plusSeconds(55));
        assertThat(clock.wallTime(T0.plusSeconds(55))).isEqualTo(T0.plusSeconds(85));
        assertThat(clock.wallTime(T0.plusSeconds(40))).isEqualTo(T0.plusSeconds(60));
        assertThat(clock.pausedAt(T0.plusSeconds(40))).isFalse();
        assertThat(new SandboxClock(List.of(T0.plusSeconds(30))).pausedAt(T0.plusSeconds(40))).isTrue();
        assertThat(new SandboxClock(List.of(T0.plusSeconds(30))).jobTime(T0.plusSeconds(90))).isEqualTo(T0.plusSeconds(30));
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
