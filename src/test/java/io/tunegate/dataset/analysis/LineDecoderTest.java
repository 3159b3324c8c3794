package io.tunegate.dataset.analysis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The UTF-8 check must call malformed exactly what the JDK's strict decoder calls malformed. */
class LineDecoderTest {

    // Every lead and continuation boundary: ASCII, continuation ranges, overlong and surrogate edges, past U+10FFFF.
    private static final int[] EDGES = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2,
            0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF};

    private final CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final List<String> disagreements = new ArrayList<>();

    @AfterEach
    void noDisagreement() {
        assertThat(disagreements).isEmpty();
    }

    @Test
    void everySequenceOfOneAndTwoBytesIsJudgedLikeTheJdkDecoder() {
        for (int a = 0; a < 256; a++) {
            assertSameVerdict(new byte[]{(byte) a});
            for (int b = 0; b < 256; b++) {
                assertSameVerdict(new byte[]{(byte) a, (byte) b});
            }
        }
    }

    @Test
    void threeAndFourByteSequencesAroundEveryBoundaryAreJudgedLikeTheJdkDecoder() {
        for (int a = 0x80; a < 256; a++) {
            for (int b : EDGES) {
                for (int c : EDGES) {
                    assertSameVerdict(new byte[]{(byte) a, (byte) b, (byte) c});
                    assertSameVerdict(new byte[]{'x', (byte) a, (byte) b, (byte) c, 'y'});
                    if (a >= 0xF0) {
                        for (int d : EDGES) {
                            assertSameVerdict(new byte[]{(byte) a, (byte) b, (byte) c, (byte) d});
                        }
                    }
                }
            }
        }
    }

    @Test
    void randomTextWithStrayBytesIsJudgedLikeTheJdkDecoder() {
        Random random = new Random(2026);
        String[] pieces = {"a", "Z", " ", "é", "ß", "✓", "日本", "🚀", "\uFFFF", "\u0800", "\uD7FF", "\uE000", "\uDBFF\uDFFF"};
        int invalid = 0;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] line = text.toString().getBytes(StandardCharsets.UTF_8);
            if (random.nextBoolean()) { // a stray byte, or a sequence cut short
                int at = random.nextInt(line.length);
                if (random.nextBoolean()) {
                    line[at] = (byte) (0x80 + random.nextInt(128));
                } else {
                    line = java.util.Arrays.copyOf(line, at + 1);
                }
            }
            invalid += assertSameVerdict(line) ? 0 : 1;
        }
        assertThat(invalid).isBetween(2_000, 18_000); // both verdicts were exercised
    }

    @Test
    void textStartSortsLinesLikeTheReaderDid() {
        assertThat(LineDecoder.textStart(1, bytes(" \t\r"))).isEqualTo(LineDecoder.BLANK);
        assertThat(LineDecoder.textStart(1, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' '})).isEqualTo(LineDecoder.BLANK);
        assertThat(LineDecoder.textStart(1, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'})).isEqualTo(3);
        // Only the first line may carry a byte order mark; elsewhere it stays part of the text (and is not JSON).
        assertThat(LineDecoder.textStart(2, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'})).isZero();
        assertThat(LineDecoder.textStart(1, bytes("{\"a\":\"\u0001\"}"))).isEqualTo(LineDecoder.BINARY);
        // A control byte makes a line binary even when its UTF-8 is broken too, as before.
        assertThat(LineDecoder.textStart(1, new byte[]{(byte) 0xFF, 0x00})).isEqualTo(LineDecoder.BINARY);
        assertThat(LineDecoder.textStart(1, new byte[]{'{', (byte) 0xC3, '}'})).isEqualTo(LineDecoder.INVALID_UTF8);
        assertThat(LineDecoder.textStart(1, bytes("{\"a\":\"é\"}"))).isZero();
    }

    private boolean assertSameVerdict(byte[] bytes) {
        boolean expected;
        try {
            jdk.reset().decode(ByteBuffer.wrap(bytes));
            expected = true;
        } catch (CharacterCodingException e) {
            expected = false;
        }
        if (LineDecoder.isValidUtf8(bytes, 0, bytes.length) != expected && disagreements.size() < 20) {
            disagreements.add(hex(bytes) + (expected ? " is valid" : " is malformed"));
        }
        return expected;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02X ", b));
        }
        return out.toString().trim();
    }
}
