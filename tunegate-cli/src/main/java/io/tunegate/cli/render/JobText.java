package io.tunegate.cli.render;

import io.tunegate.client.model.Hyperparameters;
import io.tunegate.client.model.Job;
import io.tunegate.client.model.MetricPoint;
import io.tunegate.client.model.Page;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Jobs for people: a list as a table, one job as labelled lines, and the line a finished job ends on. */
public final class JobText {

    private JobText() {
    }

    public static String submitted(Job job) {
        return "Submitted job " + job.id() + " (" + job.jobName() + "): " + status(job)
                + (job.provider() == null ? "" : " on " + job.provider())
                + ", estimated " + Formats.usd(job.estimatedCostUsd()) + "\n"
                + "Follow it with: tunegate watch " + job.id() + "\n";
    }

    public static String list(Page<Job> page) {
        if (page.data().isEmpty()) {
            return "No jobs.\n";
        }
        Table table = Table.of("ID", "NAME", "STATUS", "PROVIDER", "BASE MODEL", "COST USD", "CREATED");
        for (Job job : page.data()) {
            table.row(job.id(), job.jobName(), job.status() == null ? null : job.status().wire(), job.provider(),
                    job.baseModel(), Formats.amount(job.actualCostUsd() != null ? job.actualCostUsd() : job.estimatedCostUsd()),
                    Formats.time(job.createdAt()));
        }
        String text = table.render();
        return page.hasMore() ? text + "More: --cursor " + page.nextCursor() + "\n" : text;
    }

    /** Labelled lines; {@code latest} is the newest training point, or null. */
    public static String details(Job job, MetricPoint latest) {
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {"id", job.id()});
        lines.add(new String[] {"name", job.jobName()});
        lines.add(new String[] {"status", status(job)});
        if (job.progress() != null) {
            // as the provider last told it; a job whose provider does not tell has its latest point below
            lines.add(new String[] {"progress", ProgressBar.render(job.progress(), Progress.BAR_WIDTH).strip()});
        }
        lines.add(new String[] {"provider", job.provider() == null ? "-" : job.provider()
                + (job.providerJobId() == null ? "" : " (job " + job.providerJobId() + ")")});
        if (job.providerPlan().size() > 1) {
            lines.add(new String[] {"plan", String.join(", ", job.providerPlan())});
        }
        lines.add(new String[] {"base model", job.baseModel()});
        lines.add(new String[] {"training data", job.trainingData()});
        if (job.validationData() != null) {
            lines.add(new String[] {"validation data", job.validationData()});
        }
        lines.add(new String[] {"hyperparameters", hyperparameters(job.hyperparameters())});
        if (latest != null) {
            lines.add(new String[] {"latest point", point(latest)});
        }
        lines.add(new String[] {"estimated cost", Formats.usd(job.estimatedCostUsd())
                + (job.budgetLimit() == null ? "" : " (limit " + Formats.usd(job.budgetLimit()) + ")")});
        if (job.actualCostUsd() != null) {
            lines.add(new String[] {"cost", Formats.usd(job.actualCostUsd())});
        }
        if (job.trainedTokens() != null) {
            lines.add(new String[] {"trained tokens", Formats.count(job.trainedTokens())});
        }
        if (job.fineTunedModel() != null) {
            lines.add(new String[] {"model", job.fineTunedModel()});
        }
        if (job.error() != null) {
            lines.add(new String[] {"error", job.error().code() + ": " + job.error().message()});
        }
        if (!job.metadata().isEmpty()) {
            lines.add(new String[] {"metadata", job.metadata().toString()});
        }
        lines.add(new String[] {"created", Formats.time(job.createdAt())});
        if (job.startedAt() != null) {
            lines.add(new String[] {"started", Formats.time(job.startedAt())});
        }
        if (job.finishedAt() != null) {
            lines.add(new String[] {"finished", Formats.time(job.finishedAt())});
        }
        int width = lines.stream().mapToInt(l -> l[0].length()).max().orElse(0);
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            out.append(line[0]).append(" ".repeat(width - line[0].length() + 2))
                    .append(line[1] == null ? "-" : line[1]).append('\n');
        }
        return out.toString();
    }

    /** What {@code watch} prints when the job has ended. */
    public static String ended(Job job) {
        StringBuilder out = new StringBuilder("Job ").append(job.id()).append(' ').append(job.status().wire());
        if (job.startedAt() != null && job.finishedAt() != null) {
            out.append(" after ").append(Formats.duration(Duration.between(job.startedAt(), job.finishedAt())))
                    .append(" of training");
        }
        out.append('\n');
        if (job.fineTunedModel() != null) {
            out.append("  model           ").append(job.fineTunedModel()).append('\n');
        }
        if (job.trainedTokens() != null) {
            out.append("  trained tokens  ").append(Formats.count(job.trainedTokens())).append('\n');
        }
        if (job.actualCostUsd() != null || job.estimatedCostUsd() != null) {
            out.append("  cost            ").append(Formats.usd(job.actualCostUsd()))
                    .append(" (estimated ").append(Formats.usd(job.estimatedCostUsd())).append(")\n");
        }
        if (job.error() != null) {
            out.append("  error           ").append(job.error().code()).append(": ").append(job.error().message())
                    .append('\n');
        }
        return out.toString();
    }

    public static String point(MetricPoint point) {
        StringBuilder out = new StringBuilder("step ").append(point.step());
        if (point.epoch() != null) {
            out.append(", epoch ").append(Formats.epochs(point.epoch()));
        }
        if (point.trainLoss() != null) {
            out.append(", train loss ").append(Formats.decimal(point.trainLoss()));
        }
        if (point.validLoss() != null) {
            out.append(", valid loss ").append(Formats.decimal(point.validLoss()));
        }
        return out.toString();
    }

    static String status(Job job) {
        String status = job.status() == null ? "-" : job.status().wire();
        return job.providerStatus() == null ? status : status + " (provider: " + job.providerStatus() + ")";
    }

    static String hyperparameters(Hyperparameters h) {
        if (h == null) {
            return "auto";
        }
        return "epochs " + auto(h.nEpochs()) + ", batch size " + auto(h.batchSize()) + ", learning rate "
                + auto(h.learningRate()) + ", multiplier " + auto(h.learningRateMultiplier());
    }

    private static String auto(Object value) {
        return value == null ? "auto" : value.toString();
    }
}
