package io.tunegate.job.domain;

import io.tunegate.job.JobCancelled;
import io.tunegate.job.JobRunning;
import io.tunegate.job.JobStatus;
import io.tunegate.job.JobSucceeded;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.SubmittedJob;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static io.tunegate.job.domain.JobStateMachineTest.newJob;
import static io.tunegate.job.domain.JobStateMachineTest.snapshot;
import static io.tunegate.job.domain.JobStateMachineTest.submittedJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** running ⇄ paused, and what a paused job may still do. */
class JobPauseStateMachineTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static Job runningJob() {
        Job job = submittedJob();
        job.apply(snapshot(ProviderJobState.RUNNING, "running"), t -> BigDecimal.ONE, T0.plusSeconds(1));
        job.drainEvents();
        return job;
    }

    @Test
    void aPauseAcceptedAsPausedPausesTheJobWithAnEventAndTheRawStatus() {
        Job job = runningJob();
        job.pauseAccepted(ProviderJobState.PAUSED, "paused", T0.plusSeconds(5));

        assertThat(job.status()).isEqualTo(JobStatus.PAUSED);
        assertThat(job.status().isTerminal()).isFalse();
        assertThat(job.providerStatus()).isEqualTo("paused");
        assertThat(job.finishedAt()).isNull();
        assertThat(job.drainEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(JobEvent.PAUSED);
            assertThat(e.status()).isEqualTo(JobStatus.PAUSED);
            assertThat(e.data()).containsEntry("from", "running").containsEntry("requested", true);
        });
    }

    @Test
    void aResumeGoesBackToRunningWithoutAnnouncingTheStartAgain() {
        Job job = runningJob();
        job.pauseAccepted(ProviderJobState.PAUSED, "paused", T0.plusSeconds(5));
        job.resumeAccepted(ProviderJobState.RUNNING, "running", T0.plusSeconds(9));

        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(job.drainEvents()).extracting(JobEvent::type).containsExactly(JobEvent.PAUSED, JobEvent.RESUMED);
        assertThat(job.pendingDomainEvents()).filteredOn(JobRunning.class::isInstance).hasSize(1);
    }

    @Test
    void aProviderThatAcceptsAPauseButStillSaysRunningLeavesTheJobRunningWithTheRequestNoted() {
        Job job = runningJob();
        job.pauseAccepted(ProviderJobState.RUNNING, "running", T0.plusSeconds(5));

        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.drainEvents()).extracting(JobEvent::type).containsExactly(JobEvent.PAUSE_REQUESTED);

        // the poll reads the pause once the provider gets there
        job.apply(snapshot(ProviderJobState.PAUSED, "paused"), t -> BigDecimal.ONE, T0.plusSeconds(6), T0.plusSeconds(7));
        assertThat(job.status()).isEqualTo(JobStatus.PAUSED);
        assertThat(job.drainEvents()).extracting(JobEvent::type).containsExactly(JobEvent.PAUSED);
    }

    @Test
    void thePollMapsThePausedWordBothWaysWithEventsOfTheirOwn() {
        Job job = runningJob();
        job.apply(snapshot(ProviderJobState.PAUSED, "JOB_STATE_PAUSED"), t -> BigDecimal.ONE, T0.plusSeconds(2));
        assertThat(job.status()).isEqualTo(JobStatus.PAUSED);
        assertThat(job.providerStatus()).isEqualTo("JOB_STATE_PAUSED");
        job.apply(snapshot(ProviderJobState.PAUSED, "JOB_STATE_PAUSED"), t -> BigDecimal.ONE, T0.plusSeconds(3));
        // a provider that reports a resumed job as queued again: it has trained, so it runs
        job.apply(snapshot(ProviderJobState.QUEUED, "queued"), t -> BigDecimal.ONE, T0.plusSeconds(4));

        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.providerStatus()).isEqualTo("queued");
        assertThat(job.drainEvents()).extracting(JobEvent::type).containsExactly(JobEvent.PAUSED, JobEvent.RESUMED);
    }

    @Test
    void aPollAskedBeforeTheUsersPauseDoesNotUndoIt() {
        Job job = runningJob();
        Instant askedAt = T0.plusSeconds(4);
        job.pauseAccepted(ProviderJobState.PAUSED, "paused", T0.plusSeconds(5));
        job.apply(snapshot(ProviderJobState.RUNNING, "running"), t -> BigDecimal.ONE, askedAt, T0.plusSeconds(6));
        assertThat(job.status()).isEqualTo(JobStatus.PAUSED);
        assertThat(job.providerStatus()).isEqualTo("paused");

        // one asked afterwards is believed
        job.apply(snapshot(ProviderJobState.RUNNING, "running"), t -> BigDecimal.ONE, T0.plusSeconds(7), T0.plusSeconds(8));
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void anEndingReadBeforeThePauseStillEndsTheJob() {
        Job job = runningJob();
        job.pauseAccepted(ProviderJobState.PAUSED, "paused", T0.plusSeconds(5));
        job.apply(snapshot(ProviderJobState.SUCCEEDED, "succeeded"), t -> BigDecimal.ONE, T0.plusSeconds(4),
                T0.plusSeconds(6));
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.fineTunedModel()).isEqualTo("ft:model");
    }

    @Test
    void aPausedJobCanStillBeCancelledFailOrSucceed() {
        Job cancelled = runningJob();
        cancelled.pauseAccepted(ProviderJobState.PAUSED, "paused", T0.plusSeconds(5));
        cancelled.requestCancel(T0.plusSeconds(6));
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLING);
        assertThat(cancelled.needsProviderCancel()).isTrue();
        cancelled.apply(snapshot(ProviderJobState.PAUSED, "paused"), t -> BigDecimal.ONE, T0.plusSeconds(7));
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLING);
        cancelled.apply(snapshot(ProviderJobState.CANCELLED, "cancelled"), t -> BigDecimal.ONE, T0.plusSeconds(8));
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.pendingDomainEvents()).extracting(Object::getClass).contains(JobCancelled.class);

        Job failed = runningJob();
        failed.pauseAccepted(ProviderJobState.PAUSED, "paused", T0.plusSeconds(5));
        failed.apply(snapshot(ProviderJobState.FAILED, "failed"), t -> BigDecimal.ONE, T0.plusSeconds(6));
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);

        Job succeeded = runningJob();
        succeeded.apply(snapshot(ProviderJobState.PAUSED, "paused"), t -> BigDecimal.ONE, T0.plusSeconds(5));
        succeeded.apply(snapshot(ProviderJobState.SUCCEEDED, "succeeded"), t -> BigDecimal.ONE, T0.plusSeconds(6));
        assertThat(succeeded.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(succeeded.pendingDomainEvents()).extracting(Object::getClass).contains(JobSucceeded.class);
    }

    @Test
    void aJobFoundPausedBeforeItEverRanResumesToQueued() {
        Job job = submittedJob(); // queued at the provider
        job.apply(snapshot(ProviderJobState.PAUSED, "paused"), t -> BigDecimal.ONE, T0.plusSeconds(1));
        assertThat(job.status()).isEqualTo(JobStatus.PAUSED);
        job.resumeAccepted(ProviderJobState.QUEUED, "queued", T0.plusSeconds(2));
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.startedAt()).isNull();
    }

    @Test
    void nothingIsPausedWithoutAProviderJobOrAfterItsEnd() {
        Job waiting = newJob();
        waiting.accept("ok", T0);
        // a pause answer for a job the gateway has not submitted cannot move it
        assertThatThrownBy(() -> waiting.apply(snapshot(ProviderJobState.PAUSED, "paused"), t -> null, T0))
                .isInstanceOf(IllegalTransitionException.class);

        Job ended = runningJob();
        ended.apply(snapshot(ProviderJobState.SUCCEEDED, "succeeded"), t -> BigDecimal.ONE, T0.plusSeconds(2));
        ended.drainEvents();
        ended.pauseAccepted(ProviderJobState.PAUSED, "paused", T0.plusSeconds(3));
        assertThat(ended.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(ended.drainEvents()).extracting(JobEvent::type).containsExactly(JobEvent.PAUSE_REQUESTED);
    }

    @Test
    void anAdoptedJobFoundPausedIsPaused() {
        Job job = newJob();
        job.accept("ok", T0);
        job.startSubmission(T0);
        job.submissionDeferred("timed out", T0, T0);
        job.adopt(new SubmittedJob("p-9", ProviderJobState.PAUSED, "paused"), T0.plusSeconds(1));
        assertThat(job.status()).isEqualTo(JobStatus.PAUSED);
        assertThat(job.providerJobId()).isEqualTo("p-9");
    }
}
