package io.tunegate.cli;

import io.tunegate.cli.render.JobText;
import io.tunegate.client.FineTuningClient;
import io.tunegate.client.model.Job;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "submit", description = "Submit the job described in a JSON file (the body of POST /v1/jobs).")
final class SubmitCommand extends ApiCommand {

    @Parameters(paramLabel = "JOB.json", description = "The job request: job_name, base_model, training_data, ...")
    Path file;

    @Option(names = "--idempotency-key", paramLabel = "KEY",
            description = "Sent as Idempotency-Key: submitting again with the same key answers the first job "
                    + "(default: a fresh key).")
    String idempotencyKey;

    @Option(names = "--watch", description = "Then watch the job to its end, as the watch command does.")
    boolean watch;

    @Override
    int run(FineTuningClient client, Output output) {
        String body = readFile(file);
        Job job = idempotencyKey == null ? client.submitTrainingJobJson(body)
                : client.submitTrainingJobJson(body, idempotencyKey);
        if (watch) {
            if (!output.json()) {
                output.message("Submitted job " + job.id() + "; watching it.");
            }
            return new JobWatcher(client, output).watch(job);
        }
        if (output.json()) {
            output.printJson(job);
        } else {
            output.print(JobText.submitted(job));
        }
        return ExitCodes.OK;
    }
}
