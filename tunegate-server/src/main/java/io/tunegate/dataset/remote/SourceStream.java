package io.tunegate.dataset.remote;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;

/**
 * The body of a remote file. A failure while reading it becomes a {@link RemoteReadException} that names the
 * reference (not the storage it is being copied to); closing it before the end abandons the transfer
 * rather than reading the rest.
 */
final class SourceStream extends FilterInputStream {

    private final String display;
    private final Runnable abort;
    private boolean ended;

    SourceStream(InputStream in, String display, Runnable abort) {
        super(in);
        this.display = display;
        this.abort = abort;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            ended |= b < 0;
            return b;
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            int n = super.read(buffer, offset, length);
            ended |= n < 0;
            return n;
        } catch (IOException | RuntimeException e) {
            throw failed(e);
        }
    }

    private RemoteReadException failed(Exception e) {
        String what = e instanceof SocketTimeoutException ? "timed out" : "failed (" + e.getClass().getSimpleName() + ")";
        return new RemoteReadException(display + ": reading " + what);
    }

    @Override
    public void close() throws IOException {
        if (!ended) {
            abort.run();
        }
        super.close();
    }
}
