package io.tunegate.cli;

import io.tunegate.cli.render.ProblemText;
import io.tunegate.client.TunegateApiException;
import io.tunegate.client.TunegateTransportException;
import picocli.CommandLine;

/** Turns what a command throws into a message on stderr and an exit code ({@link ExitCodes}). */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {

    private final CliEnvironment environment;

    ErrorHandler(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
        boolean json = root(commandLine).json;
        return switch (e) {
            case TunegateApiException api -> {
                // with --json the problem goes to stderr as JSON, so a script can read it as well as stdout
                print(json ? Output.JSON.writeValueAsString(api.problem()) : ProblemText.render(api.problem()));
                yield ExitCodes.API_ERROR;
            }
            case TunegateTransportException transport -> {
                print("tunegate: cannot reach the gateway at " + root(commandLine).baseUrl() + ": "
                        + transport.getMessage());
                yield ExitCodes.UNREACHABLE;
            }
            case UsageProblem usage -> {
                print("tunegate: " + usage.getMessage());
                yield ExitCodes.USAGE;
            }
            default -> {
                print("tunegate: " + e);
                yield ExitCodes.INTERNAL;
            }
        };
    }

    private static TunegateCommand root(CommandLine commandLine) {
        return (TunegateCommand) commandLine.getCommandSpec().root().userObject();
    }

    private void print(String text) {
        environment.err().println(text.stripTrailing());
        environment.err().flush();
    }
}
