package io.tunegate.dataset.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;

/**
 * The single pass: whatever the analyzer reads is also written to storage and hashed, and counted against
 * the size limit. Nothing is buffered beyond the caller's own buffer.
 */
final class TeeInputStream extends FilterInputStream {

    private final OutputStream copy;
    private final MessageDigest digest;
    private final long limit;
    private long count;

    TeeInputStream(InputStream in, OutputStream copy, MessageDigest digest, long limit) {
        super(in);
        this.copy = copy;
        this.digest = digest;
        this.limit = limit;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            seen(new byte[]{(byte) b}, 0, 1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        if (n > 0) {
            seen(buffer, offset, n);
        }
        return n;
    }

    private void seen(byte[] buffer, int offset, int n) throws IOException {
        count += n;
        if (count > limit) {
            throw new UploadTooLargeException(limit);
        }
        copy.write(buffer, offset, n);
        digest.update(buffer, offset, n);
    }

    long count() {
        return count;
    }

    @Override
    public long skip(long n) throws IOException {
        // skipping would bypass the copy; read instead
        byte[] sink = new byte[(int) Math.min(n, 8192)];
        int read = read(sink, 0, sink.length);
        return Math.max(read, 0);
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    static final class UploadTooLargeException extends IOException {
        UploadTooLargeException(long limit) {
            super("The dataset is larger than the limit of " + limit + " bytes");
        }
    }
}
