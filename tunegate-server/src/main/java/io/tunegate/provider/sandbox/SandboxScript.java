package io.tunegate.provider.sandbox;

import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Plays a job as a function of time: queued for the first tenth of its duration, then one training step per
 * slice with a falling loss, then succeeded (or failed halfway when asked to). The same job at the same
 * instant always looks the same, so polling and restarts are deterministic. A paused job's clock stands still
 * ({@link SandboxClock}): it trains no further until resumed.
 */
final class SandboxScript {

    static final String PENDING = "pending";
    static final String TRAINING = "training";
    static final String COMPLETED = "completed";
    static final String ERROR = "error";
    static final String CANCELLED = "cancelled";
    static final String PAUSED = "paused";

    private SandboxScript() {
    }

    static ProviderJobSnapshot at(SandboxJob job, Instant now, String eventCursor) {
        Instant wallNow = job.cancelledAt() != null && job.cancelledAt().isBefore(now) ? job.cancelledAt() : now;
        SandboxClock clock = new SandboxClock(job.pauses());
        Instant effectiveNow = clock.jobTime(wallNow);
        Duration queuedFor = job.duration().dividedBy(10);
        Duration training = job.duration().minus(queuedFor);
        Instant trainingStart = job.createdAt().plus(queuedFor);
        Duration stepLength = training.dividedBy(job.steps());
        int failAt = Math.max(1, job.steps() / 2);

        long elapsedTraining = Duration.between(trainingStart, effectiveNow).toMillis();
        int stepsDone = elapsedTraining < 0 ? 0
                : (int) Math.min(job.steps(), elapsedTraining / Math.max(1, stepLength.toMillis()));
        boolean failing = job.outcome() == SandboxJob.Outcome.FAIL && stepsDone >= failAt;
        if (failing) {
            stepsDone = failAt;
        }

        List<ProviderJobSnapshot.Event> events = new ArrayList<>();
        events.add(event(0, job.createdAt(), "Job created for " + job.baseModel()));
        if (elapsedTraining >= 0) {
            events.add(event(1, clock.wallTime(trainingStart), "Training started: " + job.steps() + " steps"));
        }
        List<ProviderJobSnapshot.MetricPoint> metrics = new ArrayList<>();
        for (int step = 1; step <= stepsDone; step++) {
            Instant at = clock.wallTime(trainingStart.plus(stepLength.multipliedBy(step)));
            double loss = trainLoss(step, job.steps());
            Double validLoss = step % 5 == 0 || step == job.steps() ? validLoss(step, job.steps()) : null;
            metrics.add(new ProviderJobSnapshot.MetricPoint(step, epoch(step, job.steps()), loss, validLoss,
                    Map.of("learning_rate", 1e-4 * (1 - (double) (step - 1) / job.steps()))));
            events.add(event(1 + step, at, String.format(Locale.ROOT, "Step %d/%d: training loss=%.4f",
                    step, job.steps(), loss)));
        }

        ProviderJobState state;
        String raw;
        String model = null;
        ProviderJobSnapshot.Error error = null;
        int endSeq = 2 + job.steps();
        if (job.cancelledAt() != null && stepsDone < job.steps() && !failing) {
            state = ProviderJobState.CANCELLED;
            raw = CANCELLED;
            events.add(event(endSeq, job.cancelledAt(), "Job cancelled"));
        } else if (failing) {
            state = ProviderJobState.FAILED;
            raw = ERROR;
            error = new ProviderJobSnapshot.Error("sandbox_training_failed",
                    "Sandbox job failed at step " + failAt + " as it was asked to");
            events.add(event(endSeq, clock.wallTime(trainingStart.plus(stepLength.multipliedBy(failAt))), error.message()));
        } else if (stepsDone >= job.steps()) {
            state = ProviderJobState.SUCCEEDED;
            raw = COMPLETED;
            model = "sandbox:" + job.baseModel() + ":" + job.id();
            events.add(event(endSeq, clock.wallTime(job.createdAt().plus(job.duration())), "Job completed: " + model));
        } else if (clock.pausedAt(wallNow)) {
            state = ProviderJobState.PAUSED;
            raw = PAUSED;
        } else if (elapsedTraining >= 0) {
            state = ProviderJobState.RUNNING;
            raw = TRAINING;
        } else {
            state = ProviderJobState.QUEUED;
            raw = PENDING;
        }

        int after = eventCursor == null ? -1 : Integer.parseInt(eventCursor);
        List<ProviderJobSnapshot.Event> newEvents = events.stream()
                .filter(e -> Integer.parseInt(e.id()) > after).toList();
        // a step's point travels with its event (id 1 + step), so each poll sends only new points
        List<ProviderJobSnapshot.MetricPoint> newMetrics = metrics.stream()
                .filter(m -> 1 + m.step() > after).toList();
        String cursor = events.isEmpty() ? eventCursor : events.getLast().id();
        long tokens = job.trainedTokens() * stepsDone / job.steps();
        return new ProviderJobSnapshot(state, raw, newEvents, cursor, newMetrics, tokens, model, error,
                (double) stepsDone / job.steps());
    }

    static double trainLoss(int step, int steps) {
        return 0.35 + 2.2 * Math.exp(-4.0 * step / steps);
    }

    private static double validLoss(int step, int steps) {
        return trainLoss(step, steps) * 1.06 + 0.02;
    }

    private static double epoch(int step, int steps) {
        return Math.round(3.0 * step / steps * 10_000) / 10_000.0;
    }

    private static ProviderJobSnapshot.Event event(int seq, Instant at, String message) {
        return new ProviderJobSnapshot.Event(Integer.toString(seq), at, "info", message);
    }
}
