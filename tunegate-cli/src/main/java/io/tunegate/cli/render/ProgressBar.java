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
        // rounded down, so 100% means done; the epsilon keeps 1.2/3 (0.39999...) at 40%, as people compute it
        int filled = (int) Math.floor(f * width + 1e-9);
        int percent = (int) Math.floor(f * 100 + 1e-9);
        return "[" + "#".repeat(filled) + "-".repeat(width - filled) + "] "
                + String.format(Locale.ROOT, "%3d%%", percent);
    }
}
