package io.tunegate.openaiapi;

import io.tunegate.job.JobStatus;
import io.tunegate.job.JobView;
import io.tunegate.provider.Hyperparameters;
import io.tunegate.security.ProjectId;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** estimated_finish: a running job's start plus its training time so far over its share of training done. */
class OpenAiEstimatedFinishTest {

    private static final Instant STARTED = Instant.parse("2026-11-21T12:00:00Z");
    private static final Instant NOW = STARTED.plusSeconds(600);

    private static JobView job(JobStatus status, Double progress, Instant startedAt) {
        Instant finishedAt = status.isTerminal() ? NOW : null;
        return new JobView(UUID.randomUUID().toString(), "job", "support-bot", status, "training", progress,
                "sandbox", "sb-1", List.of("sandbox"), "gpt-4o-mini", "ds-1", null, Hyperparameters.AUTO, null,
                BigDecimal.ZERO, "free", null, 1000L, null, null, null, Map.of(), STARTED.minusSeconds(60), NOW,
                startedAt, finishedAt);
    }

    private static Long estimatedFinish(JobView job) {
        return OpenAiJobMapper.job(new ProjectId(UUID.randomUUID()), job, NOW).estimatedFinish();
    }

    @Test
    void aRunningJobAQuarterDoneAfterTenMinutesFinishesFortyMinutesAfterItStarted() {
        assertThat(estimatedFinish(job(JobStatus.RUNNING, 0.25, STARTED)))
                .isEqualTo(STARTED.plusSeconds(2400).getEpochSecond());
        assertThat(estimatedFinish(job(JobStatus.RUNNING, 0.75, STARTED)))
                .isEqualTo(STARTED.plusSeconds(800).getEpochSecond());
    }

    @Test
    void noEstimateWithoutAShareStrictlyBetweenNoneAndAll() {
        assertThat(estimatedFinish(job(JobStatus.RUNNING, null, STARTED))).isNull();
        assertThat(estimatedFinish(job(JobStatus.RUNNING, 0.0, STARTED))).isNull();
        assertThat(estimatedFinish(job(JobStatus.RUNNING, 1.0, STARTED))).isNull();
    }

    @Test
    void noEstimateBeforeTheJobStartsOrOnceItIsNotRunning() {
        assertThat(estimatedFinish(job(JobStatus.RUNNING, 0.5, null))).isNull();
        assertThat(estimatedFinish(job(JobStatus.RUNNING, 0.5, NOW))).isNull(); // nothing trained yet to go by
        assertThat(estimatedFinish(job(JobStatus.QUEUED, 0.5, null))).isNull();
        assertThat(estimatedFinish(job(JobStatus.PAUSED, 0.5, STARTED))).isNull();
        assertThat(estimatedFinish(job(JobStatus.CANCELLING, 0.5, STARTED))).isNull();
        assertThat(estimatedFinish(job(JobStatus.SUCCEEDED, 1.0, STARTED))).isNull();
        assertThat(estimatedFinish(job(JobStatus.FAILED, 0.5, STARTED))).isNull();
        assertThat(estimatedFinish(job(JobStatus.CANCELLED, 0.5, STARTED))).isNull();
    }
}
