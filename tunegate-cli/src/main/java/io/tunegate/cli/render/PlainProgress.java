package io.tunegate.cli.render;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Progress for a log: a line when the phase changes or the bar passes another tenth, so a 5 GB upload or a
 * long job writes about a dozen lines rather than thousands.
 */
final class PlainProgress implements Progress {

    private final PrintStream err;
    private String phase;
    private int tenth = -1;

    PlainProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void update(String phase, Double fraction, String detail) {
        int now = fraction == null ? -1 : (int) Math.floor(Math.clamp(fraction, 0.0, 1.0) * 10);
        if (Objects.equals(phase, this.phase) && now <= tenth) {
            return;
        }
        this.phase = phase;
        tenth = now;
        err.println(Progress.line(phase, fraction, detail));
        err.flush();
    }

    @Override
    public void finish() {
    }
}
