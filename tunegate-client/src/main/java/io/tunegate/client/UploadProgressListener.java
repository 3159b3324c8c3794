package io.tunegate.client;

/**
 * Told how an upload goes, from the thread that sends it. Calls come often (every buffer of a few KB): keep them
 * cheap.
 */
@FunctionalInterface
public interface UploadProgressListener {

    /**
     * @param bytesSent  bytes handed to the connection so far
     * @param totalBytes the file's size; -1 when unknown (an upload from a stream)
     */
    void onProgress(long bytesSent, long totalBytes);
}
