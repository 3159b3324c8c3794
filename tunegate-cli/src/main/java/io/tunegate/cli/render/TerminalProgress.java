package io.tunegate.cli.render;

import java.io.PrintStream;

/** One line redrawn in place: {@code \r}, the line, and spaces over what a longer previous line left. */
final class TerminalProgress implements Progress {

    private final PrintStream err;
    private String shown = "";

    TerminalProgress(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void update(String phase, Double fraction, String detail) {
        String line = Progress.line(phase, fraction, detail);
        if (line.equals(shown)) {
            return; // a redraw per byte read would be all the terminal does
        }
        int erase = Math.max(0, shown.length() - line.length());
        err.print("\r" + line + " ".repeat(erase));
        err.flush();
        shown = line;
    }

    @Override
    public synchronized void finish() {
        if (!shown.isEmpty()) {
            err.println();
            err.flush();
            shown = "";
        }
    }
}
