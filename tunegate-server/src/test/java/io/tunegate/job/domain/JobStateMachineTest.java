package io.tunegate.job.domain;

import io.tunegate.job.JobCancelled;
import io.tunegate.job.JobStatus;
import io.tunegate.job.JobQueued;
import io.tunegate.job.JobRunning;
import io.tunegate.job.JobSucceeded;
import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.RoutePlan;
import io.tunegate.provider.SubmittedJob;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobStateMachineTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    static Job newJob(String... plan) {
        List<String> providers = plan.length == 0 ? List.of("sandbox") : List.of(plan);
        return Job.create(new JobDraft(UUID.randomUUID(), UUID.randomUUID(), "support-bot", "llama-3-8b",
                "s3://b/train.jsonl", null, null, null, Hyperparameters.AUTO, Map.of(), Map.of(), "auto",
                new RoutePlan(providers, "test"), null, BigDecimal.ZERO, "free", null, null), T0);
    }

    static ProviderJobSnapshot snapshot(ProviderJobState state, String raw) {
        return new ProviderJobSnapshot(state, raw, List.of(), null, List.of(), 1000L,
                state == ProviderJobState.SUCCEEDED ? "ft:model" : null,
                state == ProviderJobState.FAILED ? new ProviderJobSnapshot.Error("oom", "out of memory") : null);
    }

    static Job submittedJob() {
        Job job = newJob();
        job.accept("ok", T0);
        job.startSubmission(T0);
        job.submitted(new SubmittedJob("p-1", ProviderJobState.QUEUED, "pending"), T0);
        return job;
    }

    @Test
    void walksTheHappyPathAndRecordsAnEventPerChange() {
        Job job = submittedJob();
        job.apply(snapshot(ProviderJobState.RUNNING, "training"), t -> BigDecimal.ONE, T0.plusSeconds(1));
        job.apply(snapshot(ProviderJobState.SUCCEEDED, "completed"), t -> BigDecimal.ONE, T0.plusSeconds(2));

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.providerStatus()).isEqualTo("completed");
        assertThat(job.fineTunedModel()).isEqualTo("ft:model");
        assertThat(job.startedAt()).isEqualTo(T0.plusSeconds(1));
        assertThat(job.finishedAt()).isEqualTo(T0.plusSeconds(2));
        assertThat(job.actualCostUsd()).isEqualByComparingTo("1");
        assertThat(job.drainEvents()).extracting(JobEvent::status).containsExactly(
                JobStatus.VALIDATING, JobStatus.QUEUED, JobStatus.SUBMITTING, JobStatus.QUEUED, JobStatus.RUNNING,
                JobStatus.SUCCEEDED);
        // queued once (not again when the provider reports it queued), running once, then the ending
        assertThat(job.pendingDomainEvents()).extracting(Object::getClass)
                .containsExactly(JobQueued.class, JobRunning.class, JobSucceeded.class);
    }

    @Test
    void eventSequenceNumbersCountFromOnePerJob() {
        Job job = submittedJob();
        assertThat(job.drainEvents()).extracting(JobEvent::seq).containsExactly(1, 2, 3, 4);
        assertThat(job.lastEventSeq()).isEqualTo(4);
    }

    @Test
    void terminalStatesAreFinal() {
        Job job = submittedJob();
        job.apply(snapshot(ProviderJobState.FAILED, "failed"), t -> BigDecimal.ZERO, T0);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.errorCode()).isEqualTo("oom");

        assertThatThrownBy(() -> job.apply(snapshot(ProviderJobState.RUNNING, "training"), t -> null, T0))
                .isInstanceOf(IllegalTransitionException.class);
        assertThatThrownBy(() -> job.requestCancel(T0)).isInstanceOf(IllegalTransitionException.class);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
    }

    @Test
    void cannotRunWithoutAProviderJob() {
        Job job = newJob();
        job.accept("ok", T0);
        assertThatThrownBy(() -> job.apply(snapshot(ProviderJobState.RUNNING, "training"), t -> null, T0))
                .isInstanceOf(IllegalTransitionException.class);
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void cannotSubmitBeforeValidation() {
        Job job = newJob();
        assertThatThrownBy(() -> job.startSubmission(T0)).isInstanceOf(IllegalTransitionException.class);
    }

    @Test
    void cancelBeforeSubmissionEndsAtOnce() {
        Job job = newJob();
        job.accept("ok", T0);
        job.requestCancel(T0);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.pendingDomainEvents()).extracting(Object::getClass)
                .containsExactly(JobQueued.class, JobCancelled.class);
    }

    @Test
    void cancelAtTheProviderWaitsForItsConfirmation() {
        Job job = submittedJob();
        job.apply(snapshot(ProviderJobState.RUNNING, "training"), t -> null, T0);
        job.requestCancel(T0);
        job.requestCancel(T0); // twice is harmless
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLING);
        assertThat(job.needsProviderCancel()).isTrue();

        job.cancelSent(T0);
        job.apply(snapshot(ProviderJobState.RUNNING, "training"), t -> null, T0);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLING);
        job.apply(snapshot(ProviderJobState.CANCELLED, "cancelled"), t -> null, T0);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.providerStatus()).isEqualTo("cancelled");
    }

    @Test
    void aProviderJobCreatedWhileCancellingIsKeptSoItCanBeCancelled() {
        Job job = newJob();
        job.accept("ok", T0);
        job.startSubmission(T0);
        job.requestCancel(T0);
        job.submitted(new SubmittedJob("p-9", ProviderJobState.RUNNING, "training"), T0);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLING);
        assertThat(job.providerJobId()).isEqualTo("p-9");
        assertThat(job.needsProviderCancel()).isTrue();
    }

    @Test
    void aRunningJobDoesNotGoBackToQueuedButKeepsTheRawStatus() {
        Job job = submittedJob();
        job.apply(snapshot(ProviderJobState.RUNNING, "training"), t -> null, T0);
        job.apply(snapshot(ProviderJobState.QUEUED, "requeued"), t -> null, T0);
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.providerStatus()).isEqualTo("requeued");
    }

    @Test
    void permanentRefusalFallsBackThroughThePlanThenFails() {
        Job job = newJob("openai", "together");
        job.accept("ok", T0);
        job.startSubmission(T0);
        assertThat(job.fallBack("invalid_request", "model retired", T0)).isTrue();
        assertThat(job.provider()).isEqualTo("together");
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);

        job.startSubmission(T0);
        assertThat(job.fallBack("invalid_request", "bad file", T0)).isFalse();
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.errorMessage()).contains("together refused the job: bad file");
    }

    @Test
    void pollFailuresLeaveEventsSparingly() {
        Job job = submittedJob();
        job.drainEvents();
        for (int i = 0; i < 20; i++) {
            job.pollFailed("503", T0);
        }
        assertThat(job.drainEvents()).extracting(JobEvent::type).containsExactly(
                JobEvent.POLL_ERROR, JobEvent.POLL_ERROR, JobEvent.POLL_ERROR);
    }

    @Test
    void unreachableTimeIsCountedFromTheFirstFailureAndResetByAnAnswer() {
        Job job = submittedJob();
        assertThat(job.pollFailed("503", T0)).isEqualTo(T0);
        assertThat(job.pollFailed("503", T0.plusSeconds(60))).isEqualTo(T0);
        job.apply(snapshot(ProviderJobState.RUNNING, "training"), t -> null, T0.plusSeconds(90));
        assertThat(job.pollFailingSince()).isNull();
        assertThat(job.pollFailed("503", T0.plusSeconds(120))).isEqualTo(T0.plusSeconds(120));
    }

    @Test
    void cancelAfterAFailedSubmissionAttemptWaitsForTheProviderToBeAsked() {
        Job job = newJob();
        job.accept("ok", T0);
        job.startSubmission(T0);
        job.submissionDeferred("timeout", T0, T0);
        job.requestCancel(T0);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLING);
        assertThat(job.needsProviderCancel()).isFalse();
    }

    @Test
    void aSecondProviderJobIdNeverReplacesTheFirst() {
        Job job = submittedJob();
        job.submitted(new SubmittedJob("p-2", ProviderJobState.RUNNING, "training"), T0);
        assertThat(job.providerJobId()).isEqualTo("p-1");
    }

    @Test
    void providerTextIsCleanedOfControlCharacters() {
        Job job = submittedJob();
        job.drainEvents();
        var snapshot = new ProviderJobSnapshot(ProviderJobState.RUNNING, "train\u0000ing",
                List.of(new ProviderJobSnapshot.Event("1", T0, "info", "bad\u0000text")), null,
                List.of(new ProviderJobSnapshot.MetricPoint(1, Double.NaN, Double.POSITIVE_INFINITY, 0.5, Map.of())),
                null, null, null);
        job.apply(snapshot, t -> null, T0);
        assertThat(job.providerStatus()).isEqualTo("training");
        assertThat(job.drainEvents().getFirst().message()).isEqualTo("badtext");
        MetricPoint point = job.drainMetrics().getFirst();
        assertThat(point.epoch()).isNull();
        assertThat(point.trainLoss()).isNull();
        assertThat(point.validLoss()).isEqualTo(0.5);
    }

    @Test
    void providerEventsAndMetricsAreRecordedBeforeTheTerminalEvent() {
        Job job = submittedJob();
        job.drainEvents();
        var snapshot = new ProviderJobSnapshot(ProviderJobState.SUCCEEDED, "completed",
                List.of(new ProviderJobSnapshot.Event("7", T0, "info", "done")), "7",
                List.of(new ProviderJobSnapshot.MetricPoint(1, 1.0, 0.5, null, Map.of())), 10L, "m", null);
        job.apply(snapshot, t -> null, T0);
        List<JobEvent> events = job.drainEvents();
        assertThat(events.getLast().isTerminal()).isTrue();
        assertThat(events.getFirst().type()).isEqualTo(JobEvent.PROVIDER_MESSAGE);
        assertThat(job.drainMetrics()).hasSize(1);
        assertThat(job.providerEventCursor()).isEqualTo("7");
    }

    @Test
    void aProviderJobFoundAlreadyEndedIsEndedByTheNextPollWithItsModel() {
        // found after a crash, the provider job had already succeeded: that answer has no model id
        Job job = newJob();
        job.accept("ok", T0);
        job.startSubmission(T0);
        job.submissionDeferred("timed out", T0, T0);
        job.adopt(new SubmittedJob("p-7", ProviderJobState.SUCCEEDED, "completed"), T0.plusSeconds(1));

        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.providerJobId()).isEqualTo("p-7");
        assertThat(job.providerStatus()).isEqualTo("completed");

        job.apply(snapshot(ProviderJobState.SUCCEEDED, "completed"), t -> BigDecimal.ONE, T0.plusSeconds(2));
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.fineTunedModel()).isEqualTo("ft:model");
        assertThat(job.trainedTokens()).isEqualTo(1000L);
        assertThat(job.pendingDomainEvents()).extracting(Object::getClass).contains(JobSucceeded.class);
    }

    @Test
    void aSubmissionAnsweredWithAnEndedJobAlsoWaitsForThePoll() {
        Job job = newJob();
        job.accept("ok", T0);
        job.startSubmission(T0);
        job.submitted(new SubmittedJob("p-8", ProviderJobState.FAILED, "error"), T0);
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);

        job.apply(snapshot(ProviderJobState.FAILED, "error"), t -> null, T0.plusSeconds(1));
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.errorMessage()).contains("out of memory");
    }
}
