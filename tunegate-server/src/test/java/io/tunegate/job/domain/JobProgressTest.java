package io.tunegate.job.domain;

import io.tunegate.job.JobStatus;
import io.tunegate.job.JobView;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The job keeps the provider's latest progress: a poll that does not tell keeps it, success makes it 1. */
class JobProgressTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    private static ProviderJobSnapshot at(ProviderJobState state, String raw, Double progress) {
        return new ProviderJobSnapshot(state, raw, List.of(), null, List.of(), null,
                state == ProviderJobState.SUCCEEDED ? "ft:model" : null, null, progress);
    }

    private static void apply(Job job, ProviderJobSnapshot snapshot, int second) {
        job.apply(snapshot, t -> BigDecimal.ZERO, T0.plusSeconds(second));
    }

    @Test
    void noProgressUntilTheProviderTellsOne() {
        Job job = JobStateMachineTest.submittedJob();
        apply(job, at(ProviderJobState.RUNNING, "training", null), 1);

        assertThat(job.progress()).isNull();
        assertThat(JobView.of(job).progress()).isNull();
    }

    @Test
    void keepsTheLatestProgressAndANullDoesNotWipeIt() {
        Job job = JobStateMachineTest.submittedJob();
        apply(job, at(ProviderJobState.RUNNING, "training", 0.25), 1);
        assertThat(job.progress()).isEqualTo(0.25);

        apply(job, at(ProviderJobState.RUNNING, "training", null), 2);
        assertThat(job.progress()).isEqualTo(0.25);

        apply(job, at(ProviderJobState.RUNNING, "training", 0.6), 3);
        assertThat(job.progress()).isEqualTo(0.6);
        assertThat(JobView.of(job).progress()).isEqualTo(0.6);
    }

    @Test
    void aProviderMayReportLessThanBefore() {
        // a restarted run or a different count (steps, then epochs): the provider's word stands
        Job job = JobStateMachineTest.submittedJob();
        apply(job, at(ProviderJobState.RUNNING, "training", 0.5), 1);
        apply(job, at(ProviderJobState.RUNNING, "training", 0.4), 2);

        assertThat(job.progress()).isEqualTo(0.4);
    }

    @Test
    void outOfRangeValuesAreNotProgress() {
        Job job = JobStateMachineTest.submittedJob();
        apply(job, at(ProviderJobState.RUNNING, "training", 0.3), 1);
        apply(job, at(ProviderJobState.RUNNING, "training", 1.7), 2);
        apply(job, at(ProviderJobState.RUNNING, "training", Double.NaN), 3);

        assertThat(job.progress()).isEqualTo(0.3);
    }

    @Test
    void successIsAllDoneEvenWhenTheProviderSaysNothing() {
        Job job = JobStateMachineTest.submittedJob();
        apply(job, at(ProviderJobState.RUNNING, "training", 0.8), 1);
        apply(job, at(ProviderJobState.SUCCEEDED, "completed", null), 2);

        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.progress()).isEqualTo(1.0);
    }

    @Test
    void aFailedOrCancelledJobKeepsHowFarItGot() {
        Job failed = JobStateMachineTest.submittedJob();
        apply(failed, at(ProviderJobState.RUNNING, "training", 0.5), 1);
        apply(failed, at(ProviderJobState.FAILED, "failed", null), 2);
        assertThat(failed.progress()).isEqualTo(0.5);

        Job cancelled = JobStateMachineTest.submittedJob();
        apply(cancelled, at(ProviderJobState.RUNNING, "training", 0.2), 1);
        cancelled.requestCancel(T0.plusSeconds(2));
        apply(cancelled, at(ProviderJobState.CANCELLED, "cancelled", 0.3), 3);
        assertThat(cancelled.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(cancelled.progress()).isEqualTo(0.3);
    }
}
