package io.tunegate.cli;

import io.tunegate.cli.render.EstimateText;
import io.tunegate.client.FineTuningClient;
import io.tunegate.client.model.Estimate;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "estimate", description = "Price a job on every provider that offers its model; creates nothing.")
final class EstimateCommand extends ApiCommand {

    @Parameters(paramLabel = "JOB.json", description = "The job request, as for submit.")
    Path file;

    @Override
    int run(FineTuningClient client, Output output) {
        Estimate estimate = client.estimateJson(readFile(file));
        if (output.json()) {
            output.printJson(estimate);
        } else {
            output.print(EstimateText.render(estimate));
        }
        return ExitCodes.OK;
    }
}
