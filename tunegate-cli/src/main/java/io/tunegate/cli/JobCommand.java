package io.tunegate.cli;

import io.tunegate.cli.render.JobText;
import io.tunegate.client.FineTuningClient;
import io.tunegate.client.model.Job;
import io.tunegate.client.model.MetricPoint;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "job", description = "Show one job: status, provider, costs, the latest training point.")
final class JobCommand extends ApiCommand {

    @Parameters(paramLabel = "ID", description = "The job's id.")
    String id;

    @Override
    int run(FineTuningClient client, Output output) {
        Job job = client.getJob(id);
        if (output.json()) {
            output.printJson(job);
            return ExitCodes.OK;
        }
        List<MetricPoint> curve = client.getJobMetrics(id);
        output.print(JobText.details(job, curve.isEmpty() ? null : curve.getLast()));
        return ExitCodes.OK;
    }
}
