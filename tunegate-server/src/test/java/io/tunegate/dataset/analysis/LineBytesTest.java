package io.tunegate.dataset.analysis;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LineBytes#textStart} must sort lines exactly as the reader used to: control bytes first, then blank,
 * then UTF-8 as the JDK's strict decoder judges it. Compared with that reference on every 1- and 2-byte sequence,
 * on 3- and 4-byte sequences around every boundary, at every alignment of its 8-byte fast path, and on random lines.
 */
class LineBytesTest {

    // Every lead and continuation boundary: ASCII, continuation ranges, overlong and surrogate edges, past U+10FFFF.
    private static final int[] EDGES = {0x00, 0x09, 0x0D, 0x1F, 0x20, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF,
            0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFE, 0xFF};

    private final CharsetDecoder jdk = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final List<String> disagreements = new ArrayList<>();
    private final int[] verdicts = new int[4]; // how often each verdict came up: text, blank, binary, invalid

    @AfterEach
    void noDisagreement() {
        assertThat(disagreements).isEmpty();
    }

    @Test
    void everySequenceOfOneAndTwoBytesIsSortedLikeTheReference() {
        for (int a = 0; a < 256; a++) {
            check(2, new byte[]{(byte) a});
            for (int b = 0; b < 256; b++) {
                check(2, new byte[]{(byte) a, (byte) b});
                check(2, new byte[]{'{', '"', 'a', 'b', 'c', (byte) a, (byte) b, '"', '}', ' '});
            }
        }
        assertThat(Arrays.stream(verdicts).min().orElse(0)).isPositive();
    }

    @Test
    void threeAndFourByteSequencesAroundEveryBoundaryAreSortedLikeTheReference() {
        for (int a = 0x80; a < 256; a++) {
            for (int b : EDGES) {
                for (int c : EDGES) {
                    check(2, new byte[]{(byte) a, (byte) b, (byte) c});
                    if (a >= 0xF0) {
                        for (int d : EDGES) {
                            check(2, new byte[]{(byte) a, (byte) b, (byte) c, (byte) d});
                        }
                    }
                }
            }
        }
    }

    @Test
    void everyAlignmentOfTheEightByteFastPathIsSortedLikeTheReference() {
        byte[][] specials = {{(byte) 0xC3, (byte) 0xA9}, {(byte) 0xE2, (byte) 0x9C, (byte) 0x93}, {(byte) 0xC3}, {0x01},
                {'\t'}, {'\r'}, {0x7F}, {(byte) 0xF0, (byte) 0x9F, (byte) 0x9A, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        for (byte[] special : specials) {
            for (int before = 0; before < 20; before++) {
                for (int after = 0; after < 20; after++) {
                    for (byte fill : new byte[]{' ', 'x'}) {
                        byte[] line = new byte[before + special.length + after];
                        Arrays.fill(line, fill);
                        System.arraycopy(special, 0, line, before, special.length);
                        check(2, line);
                    }
                }
            }
        }
    }

    @Test
    void randomLinesAreSortedLikeTheReference() {
        Random random = new Random(2026);
        String[] pieces = {"a", "Z", " ", "  ", "{\"k\":\"v\"}", "é", "ß", "✓", "日本", "🚀", "\uFFFF", "\u0800", "\uD7FF",
                "\uE000", "\uDBFF\uDFFF", "\t", "\r", "\uFEFF"};
        for (int n = 0; n < 30_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i >= 0; i--) {
                text.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] line = text.toString().getBytes(StandardCharsets.UTF_8);
            switch (random.nextInt(6)) { // a stray byte, a control byte, or a sequence cut short
                case 0 -> line[random.nextInt(line.length)] = (byte) (0x80 + random.nextInt(128));
                case 1 -> line[random.nextInt(line.length)] = (byte) random.nextInt(0x20);
                case 2 -> line = Arrays.copyOf(line, random.nextInt(line.length + 1));
                default -> { }
            }
            check(1 + random.nextInt(2), line);
        }
        assertThat(Arrays.stream(verdicts).min().orElse(0)).isGreaterThan(100);
    }

    @Test
    void textStartSortsLinesLikeTheReaderDid() {
        assertThat(LineBytes.textStart(1, bytes(" \t\r"))).isEqualTo(LineBytes.BLANK);
        assertThat(LineBytes.textStart(1, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, ' '})).isEqualTo(LineBytes.BLANK);
        assertThat(LineBytes.textStart(1, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'})).isEqualTo(3);
        // Only the first line may carry a byte order mark; elsewhere it stays part of the text (and is not JSON).
        assertThat(LineBytes.textStart(2, new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'})).isZero();
        assertThat(LineBytes.textStart(1, bytes("{\"a\":\"\u0001\"}"))).isEqualTo(LineBytes.BINARY);
        // A control byte makes a line binary even when its UTF-8 is broken before it.
        assertThat(LineBytes.textStart(1, new byte[]{(byte) 0xFF, 'a', 0x00})).isEqualTo(LineBytes.BINARY);
        assertThat(LineBytes.textStart(1, new byte[]{'{', (byte) 0xC3, '}'})).isEqualTo(LineBytes.INVALID_UTF8);
        assertThat(LineBytes.textStart(1, bytes("{\"a\":\"é\"}"))).isZero();
    }

    private void check(long number, byte[] line) {
        int expected = reference(number, line);
        int actual = LineBytes.textStart(number, line);
        verdicts[expected >= 0 ? 0 : -expected]++;
        if (actual != expected && disagreements.size() < 20) {
            disagreements.add("line " + number + " [" + hex(line) + "]: " + actual + ", expected " + expected);
        }
    }

    /** How the reader sorted lines before: a byte scan, then the JDK's strict decoder. */
    private int reference(long number, byte[] bytes) {
        int start = number == 1 && bytes.length >= 3
                && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        boolean blank = true;
        boolean ascii = true;
        for (int i = start; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b < 0) {
                ascii = false;
                blank = false;
            } else if (b < 0x20 && b != '\t' && b != '\r') {
                return LineBytes.BINARY;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                blank = false;
            }
        }
        if (blank) {
            return LineBytes.BLANK;
        }
        if (ascii) {
            return start;
        }
        try {
            jdk.reset().decode(ByteBuffer.wrap(bytes, start, bytes.length - start));
            return start;
        } catch (CharacterCodingException e) {
            return LineBytes.INVALID_UTF8;
        }
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
