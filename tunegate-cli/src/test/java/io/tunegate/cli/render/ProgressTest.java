package io.tunegate.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aTerminalBarIsRedrawnInPlaceAndEndsWithANewline() {
        Progress progress = Progress.Mode.BAR.on(err);

        progress.update("uploading", 0.5, "5.0 MB / 10.0 MB");
        progress.update("uploading", 0.5, "5.0 MB / 10.0 MB"); // unchanged: not drawn again
        progress.update("uploading", 1.0, "10.0 MB");
        progress.finish();

        String first = "uploading   [###############---------------]  50%  5.0 MB / 10.0 MB";
        String second = "uploading   [##############################] 100%  10.0 MB";
        // the second line is shorter: spaces cover what is left of the first
        assertThat(written()).isEqualTo("\r" + first + "\r" + second
                + " ".repeat(first.length() - second.length()) + System.lineSeparator());
    }

    @Test
    void plainLinesComeOncePerTenthAndPerPhase() {
        Progress progress = Progress.Mode.LINES.on(err);

        for (int i = 0; i <= 100; i++) {
            progress.update("running", i / 100.0, "");
        }
        progress.update("succeeded", 1.0, "");
        progress.finish();

        assertThat(written().lines()).hasSize(12);
        assertThat(written().lines().toList().get(3)).isEqualTo("running     [#########---------------------]  30%");
        assertThat(written()).doesNotContain("\r");
    }

    @Test
    void noneWritesNothing() {
        Progress progress = Progress.Mode.NONE.on(err);
        progress.update("uploading", 0.3, "x");
        progress.finish();

        assertThat(written()).isEmpty();
    }
}
