package io.tunegate.openaiapi;

import io.tunegate.job.JobActivity;
import io.tunegate.job.JobStatus;
import io.tunegate.job.JobView;
import io.tunegate.openaiapi.OpenAiObjects.Checkpoint;
import io.tunegate.openaiapi.OpenAiObjects.Event;
import io.tunegate.openaiapi.OpenAiObjects.FineTuningJob;
import io.tunegate.openaiapi.OpenAiObjects.Hyperparameters;
import io.tunegate.security.ProjectId;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Jobs, their activity and their final model in OpenAI's shapes. */
final class OpenAiJobMapper {

    private static final String AUTO = "auto";
    private static final Set<String> WARNINGS = Set.of("fallback", "submission_retry", "poll_error",
            "budget.threshold_reached", "budget.projected_overspend", "waiting_for_slot");
    /** Metric names OpenAI's checkpoint object knows, beside step, train_loss and valid_loss. */
    private static final Set<String> CHECKPOINT_METRICS = Set.of("train_mean_token_accuracy",
            "valid_mean_token_accuracy", "full_valid_loss", "full_valid_mean_token_accuracy");

    private OpenAiJobMapper() {
    }

    static FineTuningJob job(ProjectId project, JobView job) {
        return job(project, job, Instant.now());
    }

    /** @param now when the job is read: its estimated finish is projected from the time trained so far */
    static FineTuningJob job(ProjectId project, JobView job, Instant now) {
        var hyperparameters = new Hyperparameters(
                orAuto(job.hyperparameters() == null ? null : job.hyperparameters().batchSize()),
                orAuto(job.hyperparameters() == null ? null : job.hyperparameters().learningRateMultiplier()),
                orAuto(job.hyperparameters() == null ? null : job.hyperparameters().nEpochs()));
        var error = job.status() == JobStatus.FAILED && job.error() != null
                ? new OpenAiObjects.JobError(job.error().code(), job.error().message(), null) : null;
        return new FineTuningJob(job.id(), "fine_tuning.job", seconds(job.createdAt()), error, job.fineTunedModel(),
                job.status().isTerminal() ? seconds(job.finishedAt()) : null, hyperparameters, job.baseModel(),
                project.value().toString(), List.of(), seed(job.id()), status(job), job.trainedTokens(),
                job.trainingData(), job.validationData(), estimatedFinish(job, now), null,
                job.metadata() == null || job.metadata().isEmpty() ? null : job.metadata(),
                new OpenAiObjects.Method("supervised", new OpenAiObjects.Supervised(hyperparameters)));
    }

    /**
     * OpenAI's status words. {@code cancelling} is not an ending, so it shows as the state it interrupted
     * (an SDK loop waiting for an ending then sees the real one): running once training started, else queued
     * (a job is only {@code cancelling} after a submission attempt).
     */
    static String status(JobView job) {
        return switch (job.status()) {
            case VALIDATING -> "validating_files";
            case QUEUED, SUBMITTING -> "queued";
            case RUNNING -> "running";
            // outside OpenAI's documented enum, but what OpenAI itself answers for a paused job
            case PAUSED -> "paused";
            case CANCELLING -> job.startedAt() != null ? "running" : "queued";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case CANCELLED -> "cancelled";
        };
    }

    /**
     * When a running job should finish, in unix seconds: the time trained so far over the share of training
     * done, from when it started. Null without a share strictly between 0 and 1 (the provider does not tell,
     * or nothing to project from yet), before it starts and once it is not running (paused, cancelling, ended).
     * Time spent paused counts as training time, so a resumed job's estimate is late rather than early.
     */
    static Long estimatedFinish(JobView job, Instant now) {
        Double progress = job.progress();
        if (job.status() != JobStatus.RUNNING || job.startedAt() == null || progress == null
                || !(progress > 0 && progress < 1)) {
            return null;
        }
        long trainedMillis = now.toEpochMilli() - job.startedAt().toEpochMilli();
        if (trainedMillis <= 0) {
            return null;
        }
        long totalMillis = Math.round(trainedMillis / progress);
        return seconds(job.startedAt().plusMillis(totalMillis));
    }

    /** No seed is stored; one is derived from the job id, stable across reads, as OpenAI generates one. */
    static long seed(String jobId) {
        return (UUID.fromString(jobId).getLeastSignificantBits() & 0x7fffffffL);
    }

    static Event event(String jobId, JobActivity activity) {
        return switch (activity) {
            case JobActivity.Event e -> new Event(eventId(jobId, new JobActivity.Position(false, e.seq())),
                    "fine_tuning.job.event", seconds(e.at()), level(e), e.message(), "message",
                    e.data() == null || e.data().isEmpty() ? null : e.data());
            case JobActivity.Metric m -> new Event(eventId(jobId, new JobActivity.Position(true, m.step())),
                    "fine_tuning.job.event", seconds(m.at()), "info", metricMessage(m), "metrics", metricData(m));
        };
    }

    /** {@code ftevent-<job id>-e<seq>} for events, {@code ...-m<step>} for metric points: unique, and a cursor. */
    static String eventId(String jobId, JobActivity.Position position) {
        return "ftevent-" + jobId + "-" + (position.metric() ? "m" : "e") + position.key();
    }

    static JobActivity.Position position(String jobId, String eventId) {
        String prefix = "ftevent-" + jobId + "-";
        if (eventId.startsWith(prefix) && eventId.length() > prefix.length() + 1) {
            char kind = eventId.charAt(prefix.length());
            try {
                int key = Integer.parseInt(eventId.substring(prefix.length() + 1));
                if ((kind == 'e' || kind == 'm') && key >= 0) {
                    return new JobActivity.Position(kind == 'm', key);
                }
            } catch (NumberFormatException ignored) {
                // refused below
            }
        }
        throw OpenAiException.invalid("after", "after must be the id of an event of this job.");
    }

    static String checkpointId(String jobId) {
        return "ftckpt-" + jobId;
    }

    /**
     * Tunegate fetches no intermediate checkpoints from providers: a succeeded job has one, its final model,
     * at the last step of its training curve with that step's metrics.
     */
    static List<Checkpoint> checkpoints(JobView job, JobActivity.Metric last) {
        if (job.status() != JobStatus.SUCCEEDED || job.fineTunedModel() == null) {
            return List.of();
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        int step = 0;
        if (last != null) {
            step = last.step();
            metrics.put("step", (double) last.step());
            put(metrics, "train_loss", last.trainLoss());
            put(metrics, "valid_loss", last.validLoss());
            if (last.extra() != null) {
                last.extra().forEach((k, v) -> {
                    if (CHECKPOINT_METRICS.contains(k)) {
                        put(metrics, k, v);
                    }
                });
            }
        }
        Instant at = job.finishedAt() != null ? job.finishedAt() : job.updatedAt();
        return List.of(new Checkpoint(checkpointId(job.id()), "fine_tuning.job.checkpoint", seconds(at),
                job.fineTunedModel(), job.id(), metrics, step));
    }

    private static String level(JobActivity.Event e) {
        if ("status_changed".equals(e.type()) && e.status() == JobStatus.FAILED) {
            return "error";
        }
        return WARNINGS.contains(e.type()) ? "warn" : "info";
    }

    private static String metricMessage(JobActivity.Metric m) {
        StringBuilder message = new StringBuilder("Step ").append(m.step());
        if (m.trainLoss() != null) {
            message.append(": training loss=").append(round(m.trainLoss()));
        }
        if (m.validLoss() != null) {
            message.append(m.trainLoss() != null ? ", " : ": ").append("validation loss=").append(round(m.validLoss()));
        }
        return message.toString();
    }

    /** As OpenAI's metrics events carry it: step, train_loss, valid_loss and any other metric the provider gave. */
    private static Map<String, Object> metricData(JobActivity.Metric m) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("step", m.step());
        if (m.trainLoss() != null) {
            data.put("train_loss", m.trainLoss());
        }
        if (m.validLoss() != null) {
            data.put("valid_loss", m.validLoss());
        }
        if (m.epoch() != null) {
            data.put("epoch", m.epoch());
        }
        if (m.extra() != null) {
            m.extra().forEach(data::putIfAbsent);
        }
        return data;
    }

    private static void put(Map<String, Double> metrics, String key, Double value) {
        if (value != null && Double.isFinite(value)) {
            metrics.put(key, value);
        }
    }

    private static String round(double value) {
        return String.format(java.util.Locale.ROOT, "%.4f", value);
    }

    private static Object orAuto(Object value) {
        return value == null ? AUTO : value;
    }

    static Long seconds(Instant instant) {
        return instant == null ? null : instant.getEpochSecond();
    }
}
