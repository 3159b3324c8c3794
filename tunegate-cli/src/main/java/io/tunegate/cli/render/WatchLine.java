package io.tunegate.cli.render;

import io.tunegate.client.model.JobStatus;
import io.tunegate.client.model.MetricPoint;
import java.time.Duration;

/**
 * The progress line of {@code watch}: status, a bar, then step, epoch, the latest train loss and the time since
 * training started.
 *
 * <p>The bar is the job's {@code progress} where its provider tells one (Vertex, Together and Fireworks do
 * without a loss curve). Otherwise it is the latest point's epoch over the epochs the job trains, and empty
 * when neither is known, until the end.
 */
public record WatchLine(String phase, Double fraction, String detail) {

    /**
     * @param progress    the job's progress, 0..1, or null when its provider does not tell
     * @param latest      the newest training point, or null
     * @param epochs      the epochs the job trains, or null when not known
     * @param elapsed     since training started, or null
     */
    public static WatchLine of(JobStatus status, Double progress, MetricPoint latest, Integer epochs,
                               Duration elapsed) {
        Double fraction = null;
        if (status == JobStatus.SUCCEEDED) {
            fraction = 1.0;
        } else if (progress != null && progress >= 0 && progress <= 1) {
            fraction = progress;
        } else if (latest != null && latest.epoch() != null && epochs != null && epochs > 0) {
            fraction = Math.min(1.0, latest.epoch() / epochs);
        }
        StringBuilder detail = new StringBuilder();
        if (latest != null) {
            detail.append("step ").append(latest.step());
            if (latest.epoch() != null) {
                detail.append("  epoch ").append(Formats.epochs(latest.epoch()));
                if (epochs != null) {
                    detail.append('/').append(epochs);
                }
            }
            if (latest.trainLoss() != null) {
                detail.append("  loss ").append(Formats.decimal(latest.trainLoss()));
            }
        }
        if (elapsed != null) {
            detail.append(detail.isEmpty() ? "" : "  ").append(Formats.duration(elapsed));
        }
        return new WatchLine(status == null ? "-" : status.wire(), fraction, detail.toString());
    }

    public void show(Progress progress) {
        progress.update(phase, fraction, detail);
    }
}
