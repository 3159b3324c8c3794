package io.tunegate.dataset.analysis;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;

import static io.tunegate.dataset.analysis.Jsonl.VALID_CHAT;
import static io.tunegate.dataset.analysis.Jsonl.analyze;
import static io.tunegate.dataset.analysis.Jsonl.issue;
import static io.tunegate.dataset.analysis.Jsonl.lines;
import static org.assertj.core.api.Assertions.assertThat;

/** What the reader makes of raw bytes: line ends, encodings, junk and giant lines. */
class LineHandlingTest {

    private static final byte[] VALID = VALID_CHAT.getBytes(StandardCharsets.UTF_8);

    @Test
    void aFiftyMegabyteLineIsSkippedAndTheNextLineStillCounts() throws IOException {
        var stream = new LazyLongLineStream("{\"messages\":[{\"role\":\"user\",\"content\":\"", 50L << 20, 'a',
                "\"}]}\n" + VALID_CHAT + "\n");

        DatasetReport report = new DatasetAnalyzer(AnalyzerSettings.defaults(), Jsonl.WORKERS).analyze(stream);

        assertThat(stream.exhausted()).isTrue();
        assertThat(report.errors()).isEqualTo(Map.of("line_too_long", issue(1, 1L)));
        assertThat(report.lines()).isEqualTo(2);
        assertThat(report.examples()).isEqualTo(2);
        assertThat(report.bytes()).isEqualTo(stream.length());
        assertThat(report.tokens().total()).isEqualTo(analyze(lines(VALID_CHAT)).tokens().total());
    }

    @Test
    void aLineExactlyAtTheLimitIsKeptWithOrWithoutCarriageReturn() {
        int limit = VALID.length;
        var settings = new AnalyzerSettings(TokenizerChoice.forModel("gpt-4o"), limit, 65_536, 512);
        String padded = VALID_CHAT + " ";

        DatasetReport report = Jsonl.analyze(settings,
                (VALID_CHAT + "\r\n" + VALID_CHAT + "\n" + padded + "\n" + VALID_CHAT).getBytes());

        assertThat(report.errors()).isEqualTo(Map.of("line_too_long", issue(1, 3L)));
        assertThat(report.examples()).isEqualTo(4);
    }

    @Test
    void crlfLineEndingsReadLikeLf() {
        String lf = lines(VALID_CHAT, "", VALID_CHAT);
        String crlf = lf.replace("\n", "\r\n");

        DatasetReport viaLf = analyze(lf);
        DatasetReport viaCrlf = analyze(crlf);

        assertThat(viaCrlf.valid()).isTrue();
        assertThat(viaCrlf.errors()).isEmpty();
        assertThat(viaCrlf.warnings()).isEqualTo(Map.of("empty_line", issue(1, 2L)));
        assertThat(viaCrlf.tokens()).isEqualTo(viaLf.tokens());
        assertThat(viaCrlf.bytes()).isEqualTo(crlf.length());
        assertThat(viaCrlf.lines()).isEqualTo(3);
    }

    @Test
    void theLastLineNeedsNoNewline() {
        DatasetReport report = analyze(VALID_CHAT + "\n" + VALID_CHAT);

        assertThat(report.lines()).isEqualTo(2);
        assertThat(report.examples()).isEqualTo(2);
        assertThat(report.valid()).isTrue();
        assertThat(report.tokens().total()).isEqualTo(2 * analyze(lines(VALID_CHAT)).tokens().total());
    }

    @Test
    void invalidUtf8IsReportedPerLine() {
        var file = new ByteArrayOutputStream();
        file.writeBytes(VALID);
        file.write('\n');
        writeChatWithRawContent(file, new byte[] {'o', 'k', (byte) 0xC3, '('}); // truncated 2-byte sequence
        writeChatWithRawContent(file, new byte[] {(byte) 0xFF});                // never valid in UTF-8
        writeChatWithRawContent(file, new byte[] {(byte) 0xC0, (byte) 0xAF});   // overlong '/'
        writeChatWithRawContent(file, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}); // encoded surrogate
        writeChatWithRawContent(file, "héllo wörld ✓ 🚀".getBytes(StandardCharsets.UTF_8)); // fine

        DatasetReport report = analyze(file.toByteArray());

        assertThat(report.errors()).isEqualTo(Map.of("invalid_utf8", issue(4, 2L, 3L, 4L, 5L)));
        assertThat(report.examples()).isEqualTo(6);
    }

    @Test
    void binaryJunkIsBinaryContent() {
        var random = new Random(42);
        var file = new ByteArrayOutputStream();
        for (int line = 0; line < 10; line++) {
            byte[] junk = new byte[200 + random.nextInt(500)];
            random.nextBytes(junk);
            for (int i = 0; i < junk.length; i++) {
                if (junk[i] == '\n') {
                    junk[i] = 'x';
                }
            }
            junk[random.nextInt(junk.length)] = 0;
            file.writeBytes(junk);
            file.write('\n');
        }
        file.writeBytes(VALID);

        DatasetReport report = analyze(file.toByteArray());

        assertThat(report.errors()).containsOnlyKeys("binary_content");
        assertThat(report.errors().get("binary_content").count()).isEqualTo(10);
        assertThat(report.examples()).isEqualTo(11);
        assertThat(report.tokens().total()).isEqualTo(analyze(lines(VALID_CHAT)).tokens().total());
    }

    @Test
    void aControlByteOutsideStringsIsBinaryButTabsAreWhitespace() {
        DatasetReport report = analyze(lines("\t" + VALID_CHAT, VALID_CHAT + "\u0001", "\u0000"));

        assertThat(report.errors()).isEqualTo(Map.of("binary_content", issue(2, 2L, 3L)));
    }

    @Test
    void anyRandomBytesAreReadToTheEndWithoutAnException() {
        byte[] junk = new byte[3 << 20];
        new Random(7).nextBytes(junk);

        DatasetReport report = analyze(junk);

        assertThat(report.bytes()).isEqualTo(junk.length);
        assertThat(report.valid()).isFalse();
        assertThat(report.lines()).isGreaterThan(10_000); // about one '\n' in 256 bytes
    }

    @Test
    void aLeadingByteOrderMarkIsIgnored() {
        DatasetReport report = analyze("\uFEFF" + lines(VALID_CHAT, VALID_CHAT));

        assertThat(report.valid()).isTrue();
        assertThat(report.errors()).isEmpty();
    }

    private static void writeChatWithRawContent(ByteArrayOutputStream file, byte[] content) {
        file.writeBytes("{\"messages\":[{\"role\":\"user\",\"content\":\"".getBytes(StandardCharsets.UTF_8));
        file.writeBytes(content);
        file.writeBytes("\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}\n".getBytes(StandardCharsets.UTF_8));
    }
}
