package io.tunegate.cli;

import io.tunegate.cli.render.Progress;
import io.tunegate.client.FineTuningClient;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code tunegate}: the command line of a Tunegate gateway. Global options may come before or after the
 * subcommand; the environment and the output streams come from a {@link CliEnvironment}, so tests run commands
 * in-process with {@link #run(CliEnvironment, String...)}.
 */
@Command(name = "tunegate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Submit, estimate, watch and cancel fine-tuning jobs on a Tunegate gateway; upload datasets.",
        subcommands = {SubmitCommand.class, EstimateCommand.class, JobsCommand.class, JobCommand.class,
                WatchCommand.class, CancelCommand.class, DatasetsCommand.class, ModelsCommand.class,
                CommandLine.HelpCommand.class},
        footer = {"", "Environment:",
                "  TUNEGATE_URL      the gateway (default " + FineTuningClient.DEFAULT_URL + ")",
                "  TUNEGATE_API_KEY  the project's API key", "", ExitCodes.HELP})
public final class TunegateCommand {

    @Option(names = "--url", scope = ScopeType.INHERIT, paramLabel = "URL",
            description = "The gateway (default: $TUNEGATE_URL, else "
                    + FineTuningClient.DEFAULT_URL + ").")
    String url;

    @Option(names = "--api-key", scope = ScopeType.INHERIT, paramLabel = "KEY",
            description = "The API key (default: $TUNEGATE_API_KEY, which is better: other users can see a "
                    + "command line).")
    String apiKey;

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print the answer as JSON on stdout (snake_case, as the API spells it), for scripts.")
    boolean json;

    @Option(names = "--progress", negatable = true, scope = ScopeType.INHERIT,
            description = "Progress bars on stderr, redrawn in place (default: only when stderr is a terminal; "
                    + "otherwise a line per tenth). --no-progress: none.")
    Boolean progress;

    private final CliEnvironment environment;

    public TunegateCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(run(CliEnvironment.system(), args));
    }

    /** Runs one command line and answers its exit code ({@link ExitCodes}). */
    public static int run(CliEnvironment environment, String... args) {
        CommandLine commandLine = new CommandLine(new TunegateCommand(environment));
        commandLine.setOut(new PrintWriter(environment.out(), true));
        commandLine.setErr(new PrintWriter(environment.err(), true));
        commandLine.setExecutionExceptionHandler(new ErrorHandler(environment));
        return commandLine.execute(args);
    }

    /** A client for the gateway; the API key must be set one way or the other. */
    FineTuningClient client() {
        String key = apiKey != null ? apiKey : environment.env().get(CliEnvironment.API_KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new UsageProblem("no API key: set " + CliEnvironment.API_KEY_VARIABLE + " or give --api-key");
        }
        return FineTuningClient.builder().baseUrl(baseUrl()).apiKey(key.strip()).build();
    }

    String baseUrl() {
        String value = url != null ? url : environment.env().get(CliEnvironment.URL_VARIABLE);
        return value == null || value.isBlank() ? FineTuningClient.DEFAULT_URL : value.strip();
    }

    Output output() {
        Progress.Mode mode;
        if (Boolean.FALSE.equals(progress)) {
            mode = Progress.Mode.NONE;
        } else if (Boolean.TRUE.equals(progress) || environment.errIsTerminal()) {
            mode = Progress.Mode.BAR;
        } else {
            mode = Progress.Mode.LINES;
        }
        return new Output(environment, json, mode);
    }
}
