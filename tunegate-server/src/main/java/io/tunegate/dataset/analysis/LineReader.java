package io.tunegate.dataset.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines on raw '\n' bytes (a '\r' before it is dropped), reusing one bounded buffer.
 * A line longer than the limit is not kept: its bytes are skipped up to the next '\n', so a 50 MB line
 * costs no more memory than a short one. Not thread-safe; one reader per stream. Public for the other
 * line-by-line readers of datasets (format translation).
 */
public final class LineReader {

    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int INITIAL_LINE_BYTES = 8 * 1024;

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] chunk = new byte[CHUNK_BYTES];
    private int chunkPos;
    private int chunkEnd;
    private boolean endOfStream;

    // Room for one byte past the limit, so a line of exactly maxLineBytes may still end in "\r\n".
    private byte[] line;
    private int lineLength;
    private boolean tooLong;
    private long lineNumber;
    private long bytesRead;

    public LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
        this.line = new byte[Math.min(maxLineBytes + 1, INITIAL_LINE_BYTES)];
    }

    /** Moves to the next line; false once the stream is exhausted. A last line without '\n' still counts. */
    public boolean next() throws IOException {
        lineLength = 0;
        tooLong = false;
        boolean any = false;
        while (true) {
            if (chunkPos == chunkEnd && !fill()) {
                if (!any) {
                    return false;
                }
                break;
            }
            int newline = indexOfNewline(chunkPos, chunkEnd);
            int end = newline < 0 ? chunkEnd : newline;
            append(chunkPos, end - chunkPos);
            any = true;
            if (newline >= 0) {
                chunkPos = newline + 1;
                break;
            }
            chunkPos = chunkEnd;
        }
        lineNumber++;
        if (!tooLong && lineLength > 0 && line[lineLength - 1] == '\r') {
            lineLength--;
        }
        if (lineLength > maxLineBytes) {
            tooLong = true;
            lineLength = 0;
        }
        return true;
    }

    /** 1-based number of the current line. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The current line's bytes, valid up to {@link #length()} until the next call to {@link #next()}. */
    public byte[] bytes() {
        return line;
    }

    public int length() {
        return lineLength;
    }

    /** The current line was over the limit; its bytes were skipped and {@link #length()} is 0. */
    public boolean tooLong() {
        return tooLong;
    }

    public long bytesRead() {
        return bytesRead;
    }

    private boolean fill() throws IOException {
        while (!endOfStream) {
            int n = in.read(chunk, 0, chunk.length);
            if (n < 0) {
                endOfStream = true;
            } else if (n > 0) {
                chunkPos = 0;
                chunkEnd = n;
                bytesRead += n;
                return true;
            }
        }
        return false;
    }

    private int indexOfNewline(int from, int to) {
        for (int i = from; i < to; i++) {
            if (chunk[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int length) {
        if (tooLong || length == 0) {
            return;
        }
        int needed = lineLength + length;
        if (needed > maxLineBytes + 1) {
            tooLong = true;
            lineLength = 0;
            return;
        }
        if (needed > line.length) {
            int grown = (int) Math.min((long) maxLineBytes + 1, Math.max(needed, 2L * line.length));
            line = Arrays.copyOf(line, grown);
        }
        System.arraycopy(chunk, from, line, lineLength, length);
        lineLength = needed;
    }
}
