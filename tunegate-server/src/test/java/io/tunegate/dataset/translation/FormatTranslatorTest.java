package io.tunegate.dataset.translation;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

/** How lines are read, counted and written, whatever the target. */
class FormatTranslatorTest {

    private static final String CHAT = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},"
            + "{\"role\":\"assistant\",\"content\":\"Hello!\"}]}";

    private record Result(TranslationReport report, String output) {
    }

    private static Result translate(byte[] input, TargetFormat target, int maxLineBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TranslationReport report = new FormatTranslator(maxLineBytes)
                .translate(new ByteArrayInputStream(input), out, target);
        return new Result(report, out.toString(StandardCharsets.UTF_8));
    }

    private static Result translate(String input, TargetFormat target) throws IOException {
        return translate(input.getBytes(StandardCharsets.UTF_8), target, FormatTranslator.DEFAULT_MAX_LINE_BYTES);
    }

    @Test
    void aByteOrderMarkCrlfAndBlankLinesAreNotExamples() throws IOException {
        Result result = translate("\uFEFF" + CHAT + "\r\n\r\n   \n" + CHAT, TargetFormat.FIREWORKS_CHAT);

        assertThat(result.report()).isEqualTo(new TranslationReport("fireworks-chat", 4, 2, 2, 0, java.util.Map.of()));
        assertThat(result.output()).isEqualTo(CHAT + "\n" + CHAT + "\n");
    }

    @Test
    void numbersAreCopiedExactly() throws IOException {
        String line = "{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hey\","
                + "\"weight\":1.0}],\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":"
                + "{\"type\":\"number\",\"minimum\":0.10,\"maximum\":123456789012345678901234567890.5}}}]}";

        assertThat(translate(line, TargetFormat.OPENAI_CHAT).output()).isEqualTo(line + "\n");
    }

    @Test
    void aLineOverTheLimitIsSkippedUnreadAndTheNextOneStillTranslated() throws IOException {
        String longLine = "{\"prompt\":\"" + "x".repeat(200) + "\",\"completion\":\"y\"}";
        Result result = translate((longLine + "\n" + CHAT + "\n").getBytes(StandardCharsets.UTF_8),
                TargetFormat.BEDROCK_CLAUDE, 100);

        assertThat(result.report().skippedByReason())
                .containsOnlyKeys(SkipReasons.LINE_TOO_LONG);
        assertThat(result.report().skippedByReason().get(SkipReasons.LINE_TOO_LONG).lines()).containsExactly(1L);
        assertThat(result.report().written()).isEqualTo(1);
        assertThat(result.output()).isEqualTo(CHAT + "\n");
    }

    @Test
    void invalidUtf8AndTrailingValuesAreNotJson() throws IOException {
        byte[] badUtf8 = "{\"prompt\":\"caf\u00e9\",\"completion\":\"x\"}".getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream input = new ByteArrayOutputStream();
        input.write(badUtf8);
        input.write(("\n" + CHAT + " " + CHAT + "\nnull\n").getBytes(StandardCharsets.UTF_8));

        Result result = translate(input.toByteArray(), TargetFormat.TOGETHER_INSTRUCTION, 1000);

        assertThat(result.report().skippedByReason().get(SkipReasons.INVALID_JSON).lines()).containsExactly(1L, 2L, 3L);
        assertThat(result.output()).isEmpty();
    }

    @Test
    void everySkipIsCountedButOnlyTheFirstTwentyLinesAreNamed() throws IOException {
        String input = "{\"text\":\"x\"}\n".repeat(25);

        TranslationReport report = translate(input, TargetFormat.VERTEX_GEMINI).report();

        TranslationReport.Skipped unknown = report.skippedByReason().get(SkipReasons.UNKNOWN_FORMAT);
        assertThat(unknown.count()).isEqualTo(25);
        assertThat(unknown.lines()).isEqualTo(LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(report.skipped()).isEqualTo(25);
        assertThat(report.examples()).isEqualTo(25);
    }

    @Test
    void theOutputIsFlushedButNotClosed() throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        new FormatTranslator().translate(new ByteArrayInputStream((CHAT + "\n").repeat(3).getBytes(StandardCharsets.UTF_8)),
                out, TargetFormat.OPENAI_CHAT);

        assertThat(closed[0]).isFalse();
        assertThat(out.toString(StandardCharsets.UTF_8).lines().toList()).isEqualTo(List.of(CHAT, CHAT, CHAT));
    }

    @Test
    void everyTargetIdIsFoundByItselfAndListed() {
        for (TargetFormat format : TargetFormat.values()) {
            assertThat(TargetFormat.fromId(format.id())).contains(format);
            assertThat(TargetFormat.ids()).contains(format.id());
        }
        assertThat(TargetFormat.fromId("OPENAI_CHAT")).isEmpty();
        assertThat(TargetFormat.fromId(null)).isEmpty();
    }
}
