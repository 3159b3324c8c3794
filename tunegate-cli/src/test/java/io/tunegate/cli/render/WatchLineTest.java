package io.tunegate.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.tunegate.client.model.JobStatus;
import io.tunegate.client.model.MetricPoint;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WatchLineTest {

    private static MetricPoint point(int step, double epoch, double loss) {
        return new MetricPoint(step, epoch, loss, null, Map.of(), null);
    }

    @Test
    void theBarIsTheLatestEpochOverTheJobsEpochs() {
        WatchLine line = WatchLine.of(JobStatus.RUNNING, null, point(8, 1.2, 0.81234), 3, Duration.ofSeconds(65));

        assertThat(line.fraction()).isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(Progress.line(line.phase(), line.fraction(), line.detail())).isEqualTo(
                "running     [############------------------]  40%  step 8  epoch 1.2/3  loss 0.8123  1m 05s");
    }

    @Test
    void withoutEpochsOrPointsTheBarIsEmptyUntilTheJobSucceeds() {
        assertThat(WatchLine.of(JobStatus.RUNNING, null, point(8, 1.2, 0.5), null, null).fraction()).isNull();
        assertThat(WatchLine.of(JobStatus.QUEUED, null, null, 3, null))
                .isEqualTo(new WatchLine("queued", null, ""));
        assertThat(WatchLine.of(JobStatus.SUCCEEDED, null, null, null, null).fraction()).isEqualTo(1.0);
        assertThat(WatchLine.of(JobStatus.FAILED, null, point(2, 1.5, 0.5), 3, null).fraction()).isEqualTo(0.5);
    }

    @Test
    void anEpochPastTheExpectedCountStopsAtAFullBar() {
        assertThat(WatchLine.of(JobStatus.RUNNING, null, point(30, 3.0, 0.4), 2, null).fraction()).isEqualTo(1.0);
    }

    @Test
    void theJobsProgressDrawsTheBarWhenThereAreNoPoints() {
        // Vertex, Together, Fireworks: a share of training done, no loss curve
        WatchLine line = WatchLine.of(JobStatus.RUNNING, 0.35, null, null, Duration.ofSeconds(65));

        assertThat(line.fraction()).isEqualTo(0.35);
        assertThat(Progress.line(line.phase(), line.fraction(), line.detail())).isEqualTo(
                "running     [##########--------------------]  35%  1m 05s");
    }

    @Test
    void theJobsProgressGoesBeforeTheEpochsAndThePointsStillShow() {
        WatchLine line = WatchLine.of(JobStatus.RUNNING, 0.5, point(8, 1.2, 0.81234), 3, null);

        assertThat(Progress.line(line.phase(), line.fraction(), line.detail())).isEqualTo(
                "running     [###############---------------]  50%  step 8  epoch 1.2/3  loss 0.8123");
    }

    @Test
    void withoutTheJobsProgressTheEpochsDrawTheBar() {
        assertThat(WatchLine.of(JobStatus.RUNNING, null, point(8, 1.2, 0.5), 3, null).fraction())
                .isCloseTo(0.4, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(WatchLine.of(JobStatus.RUNNING, null, null, 3, null).fraction()).isNull();
        assertThat(WatchLine.of(JobStatus.SUCCEEDED, 0.9, null, null, null).fraction()).isEqualTo(1.0);
        assertThat(WatchLine.of(JobStatus.FAILED, 0.25, null, null, null).fraction()).isEqualTo(0.25);
    }
}
