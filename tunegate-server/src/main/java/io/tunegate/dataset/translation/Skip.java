package io.tunegate.dataset.translation;

/** A line the target cannot take, with the {@link SkipReasons} key saying why. Expected, so no stack trace. */
final class Skip extends RuntimeException {

    private final String reason;

    Skip(String reason) {
        super(reason, null, false, false);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }
}
