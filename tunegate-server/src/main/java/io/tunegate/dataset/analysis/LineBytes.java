package io.tunegate.dataset.analysis;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * What a raw line is before it is parsed: blank, binary, invalid UTF-8, or JSON text starting at some offset.
 * Validation is strict, byte for byte what the JDK's UTF-8 decoder reports as malformed (overlong forms, encoded
 * surrogates, code points past U+10FFFF, truncated sequences), but decodes nothing: the parser reads the bytes.
 * Stateless, so every worker uses it at once.
 */
final class LineBytes {

    static final int BLANK = -1;
    static final int BINARY = -2;
    static final int INVALID_UTF8 = -3;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;
    private static final long SPACES = 0x2020202020202020L;

    private LineBytes() {
    }

    /**
     * @return where the line's JSON text starts (3 past a UTF-8 byte order mark on line 1, else 0), or
     *         {@link #BINARY} (a control byte other than tab and CR anywhere: JSON allows none, even in strings),
     *         {@link #BLANK} (nothing but spaces, tabs and CRs) or {@link #INVALID_UTF8}, in that order
     */
    static int textStart(long number, byte[] bytes) {
        int length = bytes.length;
        // Editors on Windows often start a file with a UTF-8 byte order mark; it is not part of the JSON.
        int start = number == 1 && startsWithByteOrderMark(bytes, 0) ? 3 : 0;
        boolean blank = true;
        boolean wellFormed = true;
        int i = start;
        while (i < length) {
            // Most of a line is printable ASCII: take it eight bytes at a time.
            if (i <= length - 8) {
                long word = (long) LONGS.get(bytes, i);
                if ((word & HIGH_BITS) == 0 && !hasByteBelowSpace(word)) {
                    blank &= word == SPACES;
                    i += 8;
                    continue;
                }
            }
            byte b = bytes[i];
            if (b >= 0x20) {
                blank &= b == ' ';
                i++;
            } else if (b >= 0) {
                if (b != '\t' && b != '\r') {
                    return BINARY;
                }
                i++;
            } else {
                blank = false;
                int sequence = wellFormed ? sequenceLength(bytes, i, length) : 0;
                wellFormed &= sequence > 0;
                i += Math.max(1, sequence); // past a malformed byte one at a time: a control byte may still follow
            }
        }
        if (blank) {
            return BLANK;
        }
        return wellFormed ? start : INVALID_UTF8;
    }

    static boolean startsWithByteOrderMark(byte[] bytes, int from) {
        return bytes.length - from >= 3
                && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB && bytes[from + 2] == (byte) 0xBF;
    }

    /** For eight ASCII bytes: whether one is below 0x20 (exact for bytes under 0x80; borrows start only there). */
    private static boolean hasByteBelowSpace(long word) {
        return ((word - SPACES) & ~word & HIGH_BITS) != 0;
    }

    /**
     * The length of the well-formed UTF-8 sequence (RFC 3629) that starts with the non-ASCII byte at {@code i},
     * or 0 when it is malformed or cut short before {@code to}.
     */
    private static int sequenceLength(byte[] bytes, int i, int to) {
        int b = bytes[i] & 0xFF;
        if (b < 0xC2) { // a continuation byte, or the lead of an overlong 2-byte form
            return 0;
        }
        if (b < 0xE0) {
            return i + 1 < to && isContinuation(bytes[i + 1]) ? 2 : 0;
        }
        if (b < 0xF0) {
            if (i + 2 >= to) {
                return 0;
            }
            int second = bytes[i + 1] & 0xFF;
            boolean secondOk = b == 0xE0 ? second >= 0xA0 && second <= 0xBF  // not overlong
                    : b == 0xED ? second >= 0x80 && second <= 0x9F                // not a surrogate
                    : isContinuation(bytes[i + 1]);
            return secondOk && isContinuation(bytes[i + 2]) ? 3 : 0;
        }
        if (b < 0xF5) {
            if (i + 3 >= to) {
                return 0;
            }
            int second = bytes[i + 1] & 0xFF;
            boolean secondOk = b == 0xF0 ? second >= 0x90 && second <= 0xBF  // not overlong
                    : b == 0xF4 ? second >= 0x80 && second <= 0x8F                // not past U+10FFFF
                    : isContinuation(bytes[i + 1]);
            return secondOk && isContinuation(bytes[i + 2]) && isContinuation(bytes[i + 3]) ? 4 : 0;
        }
        return 0;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
