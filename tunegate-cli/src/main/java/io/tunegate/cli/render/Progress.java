package io.tunegate.cli.render;

import java.io.PrintStream;

/**
 * A progress display on stderr: a bar redrawn in place with {@code \r} on a terminal, occasional plain lines
 * when stderr is a file or a pipe (a log should not get a line per byte), or nothing at all. Never on stdout,
 * so {@code --json} output stays parsable.
 */
public interface Progress {

    int BAR_WIDTH = 30;

    /**
     * @param phase    what is happening ({@code uploading}, {@code running}); a change prints a plain line too
     * @param fraction done, 0..1; null when not known
     * @param detail   figures after the bar ({@code 4.2 MB / 10.0 MB}); may be empty
     */
    void update(String phase, Double fraction, String detail);

    /** Ends the display; the next output starts on a fresh line. */
    void finish();

    static String line(String phase, Double fraction, String detail) {
        // job statuses are at most 10 letters: the bar stays in one place as the phase changes
        String text = String.format(java.util.Locale.ROOT, "%-10s", phase) + "  " + ProgressBar.render(fraction, BAR_WIDTH);
        return (detail == null || detail.isEmpty() ? text : text + "  " + detail).stripTrailing();
    }

    /** How progress is shown: picked from {@code --progress}/{@code --no-progress} and whether stderr is a terminal. */
    enum Mode {
        BAR, LINES, NONE;

        public Progress on(PrintStream err) {
            return switch (this) {
                case BAR -> new TerminalProgress(err);
                case LINES -> new PlainProgress(err);
                case NONE -> NONE_PROGRESS;
            };
        }
    }

    Progress NONE_PROGRESS = new Progress() {
        @Override
        public void update(String phase, Double fraction, String detail) {
        }

        @Override
        public void finish() {
        }
    };
}
