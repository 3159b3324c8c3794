package io.tunegate.cli;

import io.tunegate.client.FineTuningClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A subcommand that talks to the gateway: it gets a client and the output, and answers an exit code. */
abstract class ApiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public final Integer call() {
        TunegateCommand root = (TunegateCommand) spec.root().userObject();
        try (FineTuningClient client = root.client()) {
            return run(client, root.output());
        }
    }

    abstract int run(FineTuningClient client, Output output);

    /** A job body from a file, as text: the gateway checks it and names every wrong field. */
    static String readFile(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UsageProblem("cannot read " + file + ": " + e);
        }
    }
}
