package io.tunegate.cli;

import io.tunegate.client.FineTuningClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "watch", description = {
        "Follow a job to its end with a progress bar (epoch, step, train loss), then print how it ended.",
        "Exits 0 when the job succeeded, 1 when it failed or was cancelled. With --json, prints the ended job."})
final class WatchCommand extends ApiCommand {

    @Parameters(paramLabel = "ID", description = "The job's id.")
    String id;

    @Option(names = "--events", description = "Also print every event of the job on stderr (of an ended job too: its history).")
    boolean events;

    @Override
    int run(FineTuningClient client, Output output) {
        return new JobWatcher(client, output, events).watch(client.getJob(id));
    }
}
