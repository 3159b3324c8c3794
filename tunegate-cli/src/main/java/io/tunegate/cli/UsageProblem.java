package io.tunegate.cli;

/** A mistake of the person at the keyboard that picocli cannot see: no API key, a file that cannot be read. */
final class UsageProblem extends RuntimeException {

    UsageProblem(String message) {
        super(message);
    }
}
