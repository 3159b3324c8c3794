package io.tunegate.cli;

import io.tunegate.client.FineTuningClient;
import io.tunegate.client.model.Job;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "cancel", description = "Cancel a job. One at a provider is cancelling until the provider confirms.")
final class CancelCommand extends ApiCommand {

    @Parameters(paramLabel = "ID", description = "The job's id.")
    String id;

    @Override
    int run(FineTuningClient client, Output output) {
        Job job = client.cancelJob(id);
        if (output.json()) {
            output.printJson(job);
        } else {
            output.print("Job " + job.id() + " is " + job.status().wire()
                    + (job.isTerminal() ? "." : " (the provider has been asked; tunegate watch " + job.id()
                    + " follows it)."));
        }
        return ExitCodes.OK;
    }
}
