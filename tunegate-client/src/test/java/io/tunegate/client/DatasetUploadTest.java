package io.tunegate.client;

import io.tunegate.client.model.Dataset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetUploadTest {

    private static final long SIZE = 32L * 1024 * 1024;
    private static final String LINE = "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"},{\"role\":\"assistant\",\"content\":\"hello\"}]}\n";

    private final StubGateway gateway;

    DatasetUploadTest() throws IOException {
        gateway = new StubGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    /** What the stand-in gateway received. */
    record Received(String contentType, String contentLength, String transferEncoding, long bytes, String sha256,
                    long progressWhenOneMbArrived) {
    }

    private AtomicReference<Received> acceptUploads(AtomicLong progress) {
        AtomicReference<Received> received = new AtomicReference<>();
        gateway.on("/v1/datasets", exchange -> {
            MessageDigest sha = sha256();
            long bytes = 0;
            long progressAtOneMb = -1;
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = exchange.getRequestBody()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    sha.update(buffer, 0, n);
                    bytes += n;
                    if (progressAtOneMb < 0 && bytes >= 1024 * 1024) {
                        // give the client time to run as far ahead as it can, then see how far it claims to be
                        sleep(300);
                        progressAtOneMb = progress.get();
                    }
                }
            }
            var headers = exchange.getRequestHeaders();
            received.set(new Received(headers.getFirst("Content-Type"), headers.getFirst("Content-Length"),
                    headers.getFirst("Transfer-Encoding"), bytes, HexFormat.of().formatHex(sha.digest()),
                    progressAtOneMb));
            StubGateway.json(exchange, 201, "{\"id\":\"ds-1\",\"object\":\"dataset\",\"filename\":\"train.jsonl\","
                    + "\"bytes\":" + bytes + ",\"status\":\"valid\",\"format\":\"chat\",\"examples\":3}");
        });
        return received;
    }

    @Test
    void aFileIsStreamedWithItsLengthAndItsProgressFollowsWhatTheServerReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("train.jsonl");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] line = LINE.getBytes();
            for (long written = 0; written < SIZE; written += line.length) {
                out.write(line, 0, (int) Math.min(line.length, SIZE - written));
            }
        }
        AtomicLong progress = new AtomicLong();
        List<long[]> calls = new CopyOnWriteArrayList<>();
        AtomicReference<Received> received = acceptUploads(progress);

        Dataset dataset;
        try (FineTuningClient client = gateway.client().build()) {
            dataset = client.uploadDataset(file, UploadOptions.defaults().baseModel("gpt-4o-mini")
                    .onProgress((sent, total) -> {
                        progress.set(sent);
                        calls.add(new long[] {sent, total});
                    }));
        }

        assertThat(dataset.id()).isEqualTo("ds-1");
        Received got = received.get();
        assertThat(got.bytes()).isEqualTo(SIZE);
        assertThat(got.sha256()).isEqualTo(sha256(file));
        assertThat(got.contentLength()).isEqualTo(Long.toString(SIZE));
        assertThat(got.contentType()).isEqualTo("application/jsonl");
        assertThat(gateway.seen.getFirst().query()).isEqualTo("filename=train.jsonl&base_model=gpt-4o-mini");
        // while the server had read 1 MB, the client had not sent (nor claimed) much more: it streams the file
        assertThat(got.progressWhenOneMbArrived()).isBetween(1024L * 1024, SIZE / 2);
        assertThat(calls).hasSizeGreaterThan(100);
        assertThat(calls).allSatisfy(call -> assertThat(call[1]).isEqualTo(SIZE));
        assertThat(calls.getLast()[0]).isEqualTo(SIZE);
        for (int i = 1; i < calls.size(); i++) {
            assertThat(calls.get(i)[0]).isGreaterThan(calls.get(i - 1)[0]);
        }
    }

    @Test
    void aStreamIsReadAsItIsSentChunkedWithAnUnknownTotal() {
        AtomicLong readFromSource = new AtomicLong();
        List<Long> totals = new CopyOnWriteArrayList<>();
        AtomicLong progress = new AtomicLong();
        AtomicReference<Received> received = acceptUploads(readFromSource);
        // 32 MB made up as it is read, counting how far the client has read it
        InputStream source = new InputStream() {
            private final byte[] line = LINE.getBytes();

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                long at = readFromSource.get();
                if (at >= SIZE) {
                    return -1;
                }
                int n = (int) Math.min(length, SIZE - at);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = line[(int) ((at + i) % line.length)];
                }
                readFromSource.addAndGet(n);
                return n;
            }
        };

        try (FineTuningClient client = gateway.client().build()) {
            client.uploadDataset(source, UploadOptions.defaults().filename("piped.jsonl")
                    .onProgress((sent, total) -> {
                        progress.set(sent);
                        totals.add(total);
                    }));
        }

        Received got = received.get();
        assertThat(got.bytes()).isEqualTo(SIZE);
        // while the server had read 1 MB, the client had read little more of the source: nothing is buffered whole
        assertThat(got.progressWhenOneMbArrived()).isBetween(1024L * 1024, SIZE / 2);
        assertThat(got.transferEncoding()).isEqualToIgnoringCase("chunked");
        assertThat(progress.get()).isEqualTo(SIZE);
        assertThat(totals).containsOnly(-1L);
        assertThat(gateway.seen.getFirst().query()).isEqualTo("filename=piped.jsonl");
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest sha = sha256();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
