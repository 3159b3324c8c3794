package io.tunegate.dataset.analysis;

/**
 * What a raw line is before it is parsed: blank, binary, invalid UTF-8, or JSON text starting at some offset.
 * Validation is strict, byte for byte what the JDK's UTF-8 decoder reports as malformed (overlong forms, encoded
 * surrogates, code points past U+10FFFF, truncated sequences), but decodes nothing: the parser reads the bytes.
 * Stateless, so every worker uses it at once.
 */
final class LineDecoder {

    static final int BLANK = -1;
    static final int BINARY = -2;
    static final int INVALID_UTF8 = -3;

    private LineDecoder() {
    }

    /**
     * @return where the line's JSON text starts (3 past a UTF-8 byte order mark on line 1, else 0), or
     *         {@link #BLANK}, {@link #BINARY} or {@link #INVALID_UTF8}
     */
    static int textStart(long number, byte[] bytes) {
        int length = bytes.length;
        // Editors on Windows often start a file with a UTF-8 byte order mark; it is not part of the JSON.
        int start = number == 1 && startsWithByteOrderMark(bytes, 0) ? 3 : 0;
        boolean blank = true;
        boolean ascii = true;
        for (int i = start; i < length; i++) {
            byte b = bytes[i];
            if (b < 0) {
                ascii = false;
                blank = false;
            } else if (b < 0x20 && b != '\t' && b != '\r') {
                // JSON allows no raw control byte anywhere (inside strings they must be escaped): binary data.
                return BINARY;
            } else if (b != ' ' && b != '\t' && b != '\r') {
                blank = false;
            }
        }
        if (blank) {
            return BLANK;
        }
        return ascii || isValidUtf8(bytes, start, length) ? start : INVALID_UTF8;
    }

    static boolean startsWithByteOrderMark(byte[] bytes, int from) {
        return bytes.length - from >= 3
                && bytes[from] == (byte) 0xEF && bytes[from + 1] == (byte) 0xBB && bytes[from + 2] == (byte) 0xBF;
    }

    /** Well-formed UTF-8 (RFC 3629), as {@code CharsetDecoder} with {@code REPORT} accepts it. */
    static boolean isValidUtf8(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i];
            if (b >= 0) {
                i++;
                continue;
            }
            b &= 0xFF;
            if (b < 0xC2) { // a continuation byte, or the lead of an overlong 2-byte form
                return false;
            }
            if (b < 0xE0) {
                if (i + 1 >= to || !isContinuation(bytes[i + 1])) {
                    return false;
                }
                i += 2;
            } else if (b < 0xF0) {
                if (i + 2 >= to) {
                    return false;
                }
                int second = bytes[i + 1] & 0xFF;
                boolean secondOk = b == 0xE0 ? second >= 0xA0 && second <= 0xBF  // not overlong
                        : b == 0xED ? second >= 0x80 && second <= 0x9F                // not a surrogate
                        : isContinuation(bytes[i + 1]);
                if (!secondOk || !isContinuation(bytes[i + 2])) {
                    return false;
                }
                i += 3;
            } else if (b < 0xF5) {
                if (i + 3 >= to) {
                    return false;
                }
                int second = bytes[i + 1] & 0xFF;
                boolean secondOk = b == 0xF0 ? second >= 0x90 && second <= 0xBF  // not overlong
                        : b == 0xF4 ? second >= 0x80 && second <= 0x8F                // not past U+10FFFF
                        : isContinuation(bytes[i + 1]);
                if (!secondOk || !isContinuation(bytes[i + 2]) || !isContinuation(bytes[i + 3])) {
                    return false;
                }
                i += 4;
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean isContinuation(byte b) {
        return (b & 0xC0) == 0x80;
    }
}
