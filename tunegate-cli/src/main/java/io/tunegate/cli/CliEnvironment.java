package io.tunegate.cli;

import io.tunegate.client.FineTuningClient;
import java.io.PrintStream;
import java.util.Map;

/**
 * What the command reads from and writes to, injectable so tests can run commands in-process.
 *
 * @param env            environment variables ({@code TUNEGATE_URL}, {@code TUNEGATE_API_KEY})
 * @param out            results: text tables or {@code --json}
 * @param err            progress bars, messages and errors
 * @param errIsTerminal  whether {@code err} is a terminal, where progress bars redraw in place
 */
public record CliEnvironment(Map<String, String> env, PrintStream out, PrintStream err, boolean errIsTerminal) {

    /** The client's own names, so that the command and {@link FineTuningClient#fromEnvironment()} agree. */
    public static final String URL_VARIABLE = FineTuningClient.URL_VARIABLE;
    public static final String API_KEY_VARIABLE = FineTuningClient.API_KEY_VARIABLE;

    public CliEnvironment {
        env = Map.copyOf(env);
    }

    /** The process's own: {@link System#console()} tells whether a person is watching. */
    public static CliEnvironment system() {
        return new CliEnvironment(System.getenv(), System.out, System.err, System.console() != null);
    }
}
