package io.tunegate.provider.openai;

import io.tunegate.dataset.ExportedDataset;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.http.JsonFields;
import io.tunegate.provider.http.Multipart;
import io.tunegate.provider.http.ProviderHttp;
import io.tunegate.provider.http.RequestAuth;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

import static io.tunegate.provider.openai.FineTuningEndpoints.encode;

/**
 * Training files on the OpenAI-shaped API: one multipart {@code POST /files} ({@code purpose=fine-tune}), or
 * the Uploads API for large files ({@code POST /uploads}, parts in order as field {@code data}, then
 * {@code /complete} with the part ids in order). Both stream from disk.
 */
public final class FineTuningFiles {

    static final String JSONL = "application/jsonl";
    /** The MIME type the Uploads API is told for JSONL (OpenAI's own example uses it; not verified further). */
    static final String UPLOAD_MIME_TYPE = "text/jsonl";

    private final ProviderHttp http;
    private final RequestAuth auth;
    private final FineTuningEndpoints endpoints;
    private final Duration uploadTimeout;

    public FineTuningFiles(ProviderHttp http, RequestAuth auth, FineTuningEndpoints endpoints, Duration uploadTimeout) {
        this.http = http;
        this.auth = auth;
        this.endpoints = endpoints;
        this.uploadTimeout = uploadTimeout;
    }

    /** The file object the provider created. */
    public JsonNode upload(ExportedDataset data, String filename) {
        Multipart form = new Multipart().field("purpose", "fine-tune").file("file", filename, JSONL, data.file());
        return http.upload("POST", endpoints.uri("/files", null), form.contentType(), form.publisher(), auth,
                uploadTimeout);
    }

    /** Uploads in parts of {@code partSize} bytes; the completed upload's file object. */
    public JsonNode uploadInParts(ExportedDataset data, String filename, long partSize) {
        ObjectNode create = http.json().createObjectNode()
                .put("filename", filename).put("purpose", "fine-tune").put("bytes", data.bytes())
                .put("mime_type", UPLOAD_MIME_TYPE);
        JsonNode upload = http.postJson(endpoints.uri("/uploads", null), create);
        String uploadId = required(upload, "id", "POST /uploads");
        var partIds = http.json().createArrayNode();
        for (long offset = 0; offset < data.bytes(); offset += partSize) {
            long length = Math.min(partSize, data.bytes() - offset);
            Multipart form = new Multipart().file("data", filename, "application/octet-stream",
                    slice(data.file(), offset, length));
            JsonNode part = http.upload("POST", endpoints.uri("/uploads/" + encode(uploadId) + "/parts", null),
                    form.contentType(), form.publisher(), auth, uploadTimeout);
            partIds.add(required(part, "id", "POST /uploads/{id}/parts"));
        }
        ObjectNode complete = http.json().createObjectNode();
        complete.set("part_ids", partIds);
        JsonNode completed = http.postJson(endpoints.uri("/uploads/" + encode(uploadId) + "/complete", null), complete);
        JsonNode file = completed.get("file");
        if (file == null || !file.isObject()) {
            throw new TransientProviderException(http.provider(), http.provider() + " completed upload " + uploadId
                    + " without a file (status " + JsonFields.text(completed, "status") + ")");
        }
        return file;
    }

    public JsonNode get(String fileId) {
        return http.get(endpoints.uri("/files/" + encode(fileId), null));
    }

    private String required(JsonNode node, String field, String call) {
        String value = JsonFields.text(node, field);
        if (value == null) {
            throw new TransientProviderException(http.provider(), http.provider() + " answered " + call
                    + " without an " + field);
        }
        return value;
    }

    /** {@code length} bytes of the file from {@code offset}, opened when the request is sent. */
    static BodyPublisher slice(Path file, long offset, long length) {
        return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(() -> {
            try {
                FileChannel channel = FileChannel.open(file, StandardOpenOption.READ).position(offset);
                return new Bounded(Channels.newInputStream(channel), length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }), length);
    }

    private static final class Bounded extends FilterInputStream {

        private long left;

        Bounded(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(buffer, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
