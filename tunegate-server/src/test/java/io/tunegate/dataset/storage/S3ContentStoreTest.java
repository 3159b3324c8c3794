package io.tunegate.dataset.storage;

import io.tunegate.support.S3TestServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** S3 storage against a real S3 protocol server: single puts, multipart staging, copies, dedupe, abandonment. */
class S3ContentStoreTest {

    private static final String BUCKET = "tunegate-store-test";
    private static final int PART = 5 << 20; // S3's smallest part

    private final S3TestServer s3 = S3TestServer.shared().bucket(BUCKET);
    private final String prefix = "t-" + UUID.randomUUID() + "/";

    private S3ContentStore store(long singleCopyLimit) {
        return new S3ContentStore(s3.client(), BUCKET, prefix, PART, singleCopyLimit, PART);
    }

    @Test
    void aSmallFileIsPutUnderItsHashAndReadBack() throws Exception {
        byte[] content = bytes(100_000, 1);
        S3ContentStore store = store(S3ContentStore.SINGLE_COPY_LIMIT);

        String key = save(store, content);

        assertThat(key).isEqualTo("sha256/" + sha256(content).substring(0, 2) + "/" + sha256(content) + ".jsonl");
        assertThat(s3.keys(BUCKET, prefix)).containsExactly(prefix + key);
        assertThat(read(store, key)).isEqualTo(content);
    }

    @Test
    void aLargeFileIsUploadedInPartsToStagingThenCopiedUnderItsHash() throws Exception {
        byte[] content = bytes(2 * PART + 12345, 2);
        S3ContentStore store = store(S3ContentStore.SINGLE_COPY_LIMIT);

        String key = save(store, content);

        assertThat(s3.keys(BUCKET, prefix)).containsExactly(prefix + key);
        assertThat(read(store, key)).isEqualTo(content);
        assertThat(s3.pendingUploads(BUCKET)).isZero();
    }

    @Test
    void aFileOverTheSingleCopyLimitIsCopiedPartByPart() throws Exception {
        byte[] content = bytes(2 * PART + 777, 3);
        S3ContentStore store = store(PART + 1);

        String key = save(store, content);

        assertThat(s3.keys(BUCKET, prefix)).containsExactly(prefix + key);
        assertThat(read(store, key)).isEqualTo(content);
    }

    @Test
    void theSameBytesAreStoredOnce() throws Exception {
        S3ContentStore store = store(S3ContentStore.SINGLE_COPY_LIMIT);
        byte[] small = bytes(5000, 4);
        byte[] large = bytes(PART + 1, 5);

        String smallKey = save(store, small);
        String largeKey = save(store, large);
        assertThat(save(store, small)).isEqualTo(smallKey);
        assertThat(save(store, large)).isEqualTo(largeKey);

        assertThat(s3.keys(BUCKET, prefix)).containsExactlyInAnyOrder(prefix + smallKey, prefix + largeKey);
    }

    @Test
    void anAbandonedUploadLeavesNothingBehind() throws Exception {
        S3ContentStore store = store(S3ContentStore.SINGLE_COPY_LIMIT);
        int pendingBefore = s3.pendingUploads(BUCKET);
        try (ContentStore.Staging staging = store.stage()) {
            staging.output().write(bytes(2 * PART + 1, 6)); // two parts sent, a multipart upload under way
            assertThat(s3.pendingUploads(BUCKET)).isEqualTo(pendingBefore + 1);
        }
        assertThat(s3.keys(BUCKET, prefix)).isEmpty();
        assertThat(s3.pendingUploads(BUCKET)).isEqualTo(pendingBefore);
    }

    @Test
    void s3ChecksTheBytesAgainstTheHash() {
        S3ContentStore store = store(S3ContentStore.SINGLE_COPY_LIMIT);
        assertThatThrownBy(() -> {
            try (ContentStore.Staging staging = store.stage()) {
                staging.output().write(bytes(1000, 7));
                staging.commit(sha256(bytes(1000, 8)));
            }
        }).isInstanceOf(IOException.class);
        assertThat(s3.keys(BUCKET, prefix)).isEmpty();
    }

    /** Writes in uneven pieces, as a stream would. */
    private static String save(S3ContentStore store, byte[] content) throws Exception {
        try (ContentStore.Staging staging = store.stage()) {
            int at = 0;
            int piece = 1;
            while (at < content.length) {
                int n = Math.min(piece, content.length - at);
                staging.output().write(content, at, n);
                at += n;
                piece = piece * 3 % 100_003 + 1;
            }
            return staging.commit(sha256(content));
        }
    }

    private static byte[] read(S3ContentStore store, String key) throws IOException {
        try (InputStream in = store.open(key)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
