package io.tunegate.dataset.analysis;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LineReaderTest {

    @Test
    void aLongLineNeverGrowsTheBufferPastTheLimit() throws IOException {
        var stream = new LazyLongLineStream("", 50L << 20, 'x', "\nshort\n");
        var reader = new LineReader(stream, 1024);

        assertThat(reader.next()).isTrue();
        assertThat(reader.tooLong()).isTrue();
        assertThat(reader.bytes().length).isLessThanOrEqualTo(1025);
        assertThat(reader.next()).isTrue();
        assertThat(text(reader)).isEqualTo("short");
        assertThat(reader.lineNumber()).isEqualTo(2);
        assertThat(reader.next()).isFalse();
        assertThat(reader.bytesRead()).isEqualTo(stream.length());
    }

    @Test
    void splitsOnLfAndDropsTheCrBeforeIt() throws IOException {
        assertThat(readAll("a\r\nb\n\nc")).containsExactly("a", "b", "", "c");
        assertThat(readAll("a\n")).containsExactly("a");
        assertThat(readAll("\n")).containsExactly("");
        assertThat(readAll("")).isEmpty();
        assertThat(readAll("a\rb\n")).containsExactly("a\rb");
    }

    @Test
    void linesSpanningManyReadChunksComeBackWhole() throws IOException {
        String big = "y".repeat(200_000);
        assertThat(readAll(big + "\n" + big)).containsExactly(big, big);
    }

    private static List<String> readAll(String input) throws IOException {
        var reader = new LineReader(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), 1 << 20);
        List<String> lines = new ArrayList<>();
        while (reader.next()) {
            lines.add(text(reader));
        }
        return lines;
    }

    private static String text(LineReader reader) {
        return new String(reader.bytes(), 0, reader.length(), StandardCharsets.UTF_8);
    }
}
