package io.tunegate.client;

/**
 * The gateway answered with an error. {@link #problem()} has the details: the problem {@code type}, the
 * {@code detail}, field errors and extension members. Subclasses name the common cases.
 */
public class TunegateApiException extends TunegateException {

    private final transient Problem problem;

    public TunegateApiException(Problem problem) {
        super(message(problem));
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The HTTP status. */
    public int status() {
        return problem.status();
    }

    private static String message(Problem problem) {
        StringBuilder message = new StringBuilder().append(problem.status());
        if (problem.slug() != null) {
            message.append(' ').append(problem.slug());
        }
        String text = problem.detail() != null ? problem.detail() : problem.title();
        if (text != null) {
            message.append(": ").append(text);
        }
        for (Problem.FieldError error : problem.errors()) {
            message.append("\n  ").append(error.field()).append(": ").append(error.message());
        }
        return message.toString();
    }
}
