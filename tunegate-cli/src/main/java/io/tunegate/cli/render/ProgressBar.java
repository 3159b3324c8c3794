package io.tunegate.cli.render;

import java.util.Locale;

/** A text progress bar, e.g. {@code [########------------]  40%}. Pure: the same input gives the same string. */
public final class ProgressBar {

    private ProgressBar() {
    }

    /**
     * @param fraction done, 0..1 (clamped); null when unknown, which draws an empty bar without a percentage
     * @param width    cells between the brackets
     */
    public static String render(Double fraction, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width " + width);
        }
        if (fraction == null || fraction.isNaN()) {
            return "[" + "-".repeat(width) + "]     ";
        }
        double f = Math.clamp(fraction, 0.0, 1.0);
        int filled = (int) Math.floor(f * width);
        // a percentage never says 100 before the end, nor 0 after the start
        int percent = (int) Math.floor(f * 100);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", percent);
    }
}
