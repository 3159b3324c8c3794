package io.tunegate.dataset.storage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Content-addressed storage in an S3 bucket: {@code <prefix>sha256/ab/abcdef....jsonl}.
 *
 * <p>Bytes go to S3 while they stream in, before their hash is known. A file that fits in one part
 * (8 MiB) is held in memory until the end and put straight under its hash. A larger one becomes a multipart
 * upload to {@code <prefix>staging/<uuid>}, one part uploading in the background while the next fills
 * (two part buffers per upload, whatever the file's size), and is then copied server-side under its hash
 * (in parts above CopyObject's 5 GiB limit) unless that object already exists, and the staging object is
 * deleted. An upload abandoned midway is aborted; staging left by a crash is what a bucket lifecycle rule on
 * {@code <prefix>staging/} (with "abort incomplete multipart uploads") cleans.
 */
public class S3ContentStore implements ContentStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3ContentStore.class);

    static final int PART_SIZE = 8 << 20;
    /** CopyObject copies up to 5 GiB; larger objects are copied part by part. */
    static final long SINGLE_COPY_LIMIT = 5L << 30;
    static final long COPY_PART_SIZE = 1L << 30;
    private static final int MAX_PARTS = 10_000;
    private static final int FIRST_BUFFER = 64 << 10;

    private final S3Client s3;
    private final String bucket;
    private final String prefix;
    private final int partSize;
    private final long singleCopyLimit;
    private final long copyPartSize;
    private final ExecutorService partUploads = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("s3-part-upload-", 0).factory());

    /** @param maxSize the largest file to be stored: parts grow so that it fits in S3's 10,000 parts */
    public S3ContentStore(S3Client s3, String bucket, String prefix, long maxSize) {
        this(s3, bucket, prefix, (int) Math.max(PART_SIZE, Math.ceilDiv(maxSize, MAX_PARTS)), SINGLE_COPY_LIMIT,
                COPY_PART_SIZE);
    }

    S3ContentStore(S3Client s3, String bucket, String prefix, int partSize, long singleCopyLimit, long copyPartSize) {
        this.s3 = s3;
        this.bucket = bucket;
        this.prefix = prefix == null ? "" : prefix;
        this.partSize = partSize;
        this.singleCopyLimit = singleCopyLimit;
        this.copyPartSize = copyPartSize;
    }

    /** Fails fast on a bucket that does not exist or may not be read; other errors only warn. */
    public void checkBucket() {
        try {
            s3.headBucket(b -> b.bucket(bucket));
        } catch (S3Exception e) {
            if (e.statusCode() == 404 || e.statusCode() == 403) {
                throw new IllegalStateException("Dataset storage bucket " + bucket + " is not usable: "
                        + (e.statusCode() == 404 ? "it does not exist" : "access denied"));
            }
            log.warn("Dataset storage bucket {} could not be checked at startup: HTTP {}", bucket, e.statusCode());
        } catch (SdkException e) {
            log.warn("Dataset storage bucket {} could not be checked at startup: {}", bucket, e.getMessage());
        }
    }

    @Override
    public Staging stage() {
        return new S3Staging();
    }

    @Override
    public InputStream open(String key) throws IOException {
        try {
            return s3.getObject(b -> b.bucket(bucket).key(prefix + key));
        } catch (SdkException e) {
            throw new IOException("Could not open s3://" + bucket + "/" + prefix + key, e);
        }
    }

    /** The key content is filed under, the same layout as the local store. */
    static String contentKey(String sha256) {
        return "sha256/" + sha256.substring(0, 2) + "/" + sha256 + ".jsonl";
    }

    @Override
    public void close() {
        partUploads.shutdownNow();
    }

    private final class S3Staging implements Staging {

        private final String stagingKey = prefix + "staging/" + UUID.randomUUID();
        private final List<CompletedPart> parts = new ArrayList<>();
        private final OutputStream output = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[]{(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                append(bytes, offset, length);
            }
        };

        private byte[] buffer = new byte[FIRST_BUFFER];
        private int filled;
        private long total;
        private String uploadId;
        private Future<CompletedPart> inFlight;
        private byte[] inFlightBuffer;
        private boolean uploadCompleted;
        private boolean committed;

        @Override
        public OutputStream output() {
            return output;
        }

        private void append(byte[] bytes, int offset, int length) throws IOException {
            while (length > 0) {
                if (filled == buffer.length) {
                    if (buffer.length < partSize) {
                        // small files stay small in memory: grow up to one part
                        buffer = Arrays.copyOf(buffer, Math.min(partSize, buffer.length * 2));
                    } else {
                        sendPart();
                    }
                }
                int n = Math.min(length, buffer.length - filled);
                System.arraycopy(bytes, offset, buffer, filled, n);
                filled += n;
                offset += n;
                length -= n;
                total += n;
            }
        }

        /** Starts uploading the full buffer and carries on filling the one the previous part has freed. */
        private void sendPart() throws IOException {
            try {
                if (uploadId == null) {
                    uploadId = s3.createMultipartUpload(b -> b.bucket(bucket).key(stagingKey)).uploadId();
                }
                awaitInFlight();
                byte[] data = buffer;
                int length = filled;
                int number = parts.size() + 1;
                inFlight = partUploads.submit(() -> {
                    var answer = s3.uploadPart(b -> b.bucket(bucket).key(stagingKey).uploadId(uploadId)
                            .partNumber(number).contentLength((long) length), body(data, length));
                    return CompletedPart.builder().partNumber(number).eTag(answer.eTag()).build();
                });
                buffer = inFlightBuffer != null ? inFlightBuffer : new byte[partSize];
                inFlightBuffer = data;
                filled = 0;
            } catch (SdkException e) {
                throw new IOException("S3 upload failed", e);
            }
        }

        private void awaitInFlight() throws IOException {
            if (inFlight == null) {
                return;
            }
            try {
                parts.add(inFlight.get());
                inFlight = null;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while uploading to S3");
            } catch (ExecutionException e) {
                throw new IOException("S3 upload failed", e.getCause());
            }
        }

        @Override
        public String commit(String sha256) throws IOException {
            String key = contentKey(sha256);
            String target = prefix + key;
            try {
                if (uploadId == null) {
                    if (!exists(target)) {
                        // S3 checks the bytes against the hash we computed
                        String checksum = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256));
                        s3.putObject(b -> b.bucket(bucket).key(target).contentType("application/jsonl")
                                .checksumSHA256(checksum), body(buffer, filled));
                    }
                } else {
                    sendPart();
                    awaitInFlight();
                    s3.completeMultipartUpload(b -> b.bucket(bucket).key(stagingKey).uploadId(uploadId)
                            .multipartUpload(m -> m.parts(parts)));
                    uploadCompleted = true;
                    if (!exists(target)) {
                        copy(stagingKey, target, total);
                    }
                }
            } catch (SdkException e) {
                throw new IOException("S3 upload failed", e);
            }
            committed = true;
            return key;
        }

        @Override
        public void close() {
            buffer = null;
            inFlightBuffer = null;
            if (inFlight != null) {
                inFlight.cancel(true);
            }
            try {
                if (uploadCompleted) {
                    s3.deleteObject(b -> b.bucket(bucket).key(stagingKey));
                } else if (uploadId != null && !committed) {
                    s3.abortMultipartUpload(b -> b.bucket(bucket).key(stagingKey).uploadId(uploadId));
                }
            } catch (SdkException e) {
                log.warn("Could not clean up S3 staging object {}: {}", stagingKey, e.getMessage());
            }
        }
    }

    private boolean exists(String key) {
        try {
            s3.headObject(b -> b.bucket(bucket).key(key));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private void copy(String source, String target, long size) {
        if (size <= singleCopyLimit) {
            s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket).destinationKey(target)
                    .contentType("application/jsonl").metadataDirective("REPLACE"));
            return;
        }
        String copyId = s3.createMultipartUpload(b -> b.bucket(bucket).key(target).contentType("application/jsonl"))
                .uploadId();
        try {
            List<CompletedPart> copied = new ArrayList<>();
            for (long from = 0; from < size; from += copyPartSize) {
                String range = "bytes=" + from + "-" + (Math.min(from + copyPartSize, size) - 1);
                int number = copied.size() + 1;
                var answer = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey(source).destinationBucket(bucket)
                        .destinationKey(target).uploadId(copyId).partNumber(number).copySourceRange(range));
                copied.add(CompletedPart.builder().partNumber(number).eTag(answer.copyPartResult().eTag()).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(bucket).key(target).uploadId(copyId)
                    .multipartUpload(m -> m.parts(copied)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(bucket).key(target).uploadId(copyId));
            } catch (SdkException abortFailed) {
                e.addSuppressed(abortFailed);
            }
            throw e;
        }
    }

    /** A body read from the buffer on every attempt, without copying it. */
    private static RequestBody body(byte[] data, int length) {
        ContentStreamProvider provider = () -> new ByteArrayInputStream(data, 0, length);
        return RequestBody.fromContentProvider(provider, length, "application/octet-stream");
    }
}
