package io.tunegate.cli;

/** The command's exit codes, listed in {@code --help}; scripts may rely on them. */
public final class ExitCodes {

    /** Done; for {@code watch}, the job succeeded. */
    public static final int OK = 0;
    /** What was asked about did not succeed: the job failed or was cancelled, or the dataset is invalid. */
    public static final int NOT_SUCCEEDED = 1;
    /** The command line is wrong (picocli's usage error), a file cannot be read, or no API key is set. */
    public static final int USAGE = 2;
    /** The gateway refused the request: its problem (title, detail, field errors) is printed. */
    public static final int API_ERROR = 3;
    /** The gateway could not be reached or the connection broke. */
    public static final int UNREACHABLE = 4;
    /** Anything else: an answer the client cannot read, a bug. */
    public static final int INTERNAL = 5;

    static final String HELP = """
            Exit codes:
              0  done; for watch, the job succeeded
              1  the job failed or was cancelled (watch); the dataset is invalid (upload)
              2  usage error: bad arguments, an unreadable file, no API key
              3  the gateway answered with an error (its problem is printed)
              4  the gateway cannot be reached
              5  anything else (an answer the client cannot read, a bug)""";

    private ExitCodes() {
    }
}
