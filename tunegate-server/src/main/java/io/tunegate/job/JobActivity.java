package io.tunegate.job;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of a job's activity: an event of its history or a point of its training curve, for callers
 * that show both in one time line (the OpenAI-compatible events list).
 */
public sealed interface JobActivity {

    Instant at();

    /** An event of the job's history; {@code seq} counts from 1 per job. */
    record Event(int seq, String type, JobStatus status, String message, Map<String, Object> data, Instant at)
            implements JobActivity {
    }

    /** A training curve point, at the time it was recorded. */
    record Metric(int step, Double epoch, Double trainLoss, Double validLoss, Map<String, Double> extra, Instant at)
            implements JobActivity {
    }

    /** Where a page of activity continues: after this event or this metric point (newest first). */
    record Position(boolean metric, int key) {
    }
}
