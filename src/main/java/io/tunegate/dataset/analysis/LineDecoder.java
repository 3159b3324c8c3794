package io.tunegate.dataset.analysis;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns a raw line into a {@link LineItem} on the reading thread: blank, binary, invalid UTF-8, or text.
 * Decoding is strict (a malformed byte is an error, never a silent U+FFFD). Not thread-safe.
 */
final class LineDecoder {

    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final int maxLineBytes;
    private CharBuffer chars = CharBuffer.allocate(1024);

    LineDecoder(int maxLineBytes) {
        this.maxLineBytes = maxLineBytes;
    }

    LineItem decode(long number, byte[] bytes, int length, boolean tooLong) {
        if (tooLong) {
            return LineItem.rejected(number, IssueKinds.LINE_TOO_LONG);
        }
        // Editors on Windows often start a file with a UTF-8 byte order mark; it is not part of the JSON.
        int start = number == 1 && length >= 3
                && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        boolean blank = true;
        boolean ascii = true;
        for (int i = start; i < length; i++) {
            byte b = bytes[i];
            if (b < 0) {
                ascii = false;
                blank = false;
            } else if (b < 0x20 && b != '\t' && b != '\r') {
                // JSON allows no raw control byte anywhere (inside strings they must be escaped): binary data.
                return LineItem.rejected(number, IssueKinds.BINARY_CONTENT);
            } else if (b != ' ' && b != '\t' && b != '\r') {
                blank = false;
            }
        }
        if (blank) {
            return LineItem.blank(number);
        }
        if (ascii) {
            return LineItem.text(number, new String(bytes, start, length - start, StandardCharsets.ISO_8859_1));
        }
        return decodeUtf8(number, bytes, start, length);
    }

    private LineItem decodeUtf8(long number, byte[] bytes, int start, int length) {
        int size = length - start;
        if (chars.capacity() < size) {
            // UTF-8 never yields more chars than bytes, so a line's byte count (at most the limit) suffices.
            chars = CharBuffer.allocate(Math.max(size, Math.min(2 * chars.capacity(), maxLineBytes)));
        }
        chars.clear();
        utf8.reset();
        CoderResult result = utf8.decode(ByteBuffer.wrap(bytes, start, size), chars, true);
        if (result.isUnderflow()) {
            result = utf8.flush(chars);
        }
        if (!result.isUnderflow()) {
            return LineItem.rejected(number, IssueKinds.INVALID_UTF8);
        }
        return LineItem.text(number, new String(chars.array(), 0, chars.position()));
    }
}
