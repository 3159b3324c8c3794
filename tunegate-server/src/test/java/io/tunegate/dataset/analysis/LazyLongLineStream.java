package io.tunegate.dataset.analysis;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A stream of {@code head}, then {@code fillerBytes} copies of one byte, then {@code tail}, produced as it is
 * read: a 50 MB line without 50 MB in the test. Remembers whether it was read to the end.
 */
final class LazyLongLineStream extends InputStream {

    private final byte[] head;
    private final long fillerBytes;
    private final byte filler;
    private final byte[] tail;
    private final long length;
    private long position;
    private boolean exhausted;

    LazyLongLineStream(String head, long fillerBytes, char filler, String tail) {
        this.head = head.getBytes(StandardCharsets.UTF_8);
        this.fillerBytes = fillerBytes;
        this.filler = (byte) filler;
        this.tail = tail.getBytes(StandardCharsets.UTF_8);
        this.length = this.head.length + fillerBytes + this.tail.length;
    }

    long length() {
        return length;
    }

    boolean exhausted() {
        return exhausted;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int count) {
        if (count == 0) {
            return 0;
        }
        if (position >= length) {
            exhausted = true;
            return -1;
        }
        int n = (int) Math.min(count, length - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = byteAt(position + i);
        }
        position += n;
        return n;
    }

    private byte byteAt(long at) {
        if (at < head.length) {
            return head[(int) at];
        }
        long inFiller = at - head.length;
        return inFiller < fillerBytes ? filler : tail[(int) (inFiller - fillerBytes)];
    }
}
