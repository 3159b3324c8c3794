package io.tunegate.provider.together;

import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.http.ProviderHttp;
import io.tunegate.provider.resilience.ProviderPolicy;
import tools.jackson.databind.JsonNode;

import java.io.FileNotFoundException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Together's REST calls (reference §5), as the official SDK makes them. */
final class TogetherApi {

    private static final String FORM = "application/x-www-form-urlencoded";

    /** The redirect answer to {@code POST /files}: where to PUT the bytes, and the file's id. */
    record UploadTarget(URI location, String fileId) {
    }

    private final String base;
    private final ProviderHttp http;
    private final ProviderHttp presigned;
    private final ProviderPolicy policy;

    /**
     * @param presigned the same client without credentials, for the pre-signed upload URL (it must not see the
     *                  API key, and its answer is not Together's JSON)
     */
    TogetherApi(URI baseUrl, ProviderHttp http, ProviderHttp presigned, ProviderPolicy policy) {
        String root = baseUrl.toString();
        this.base = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.http = http;
        this.presigned = presigned;
        this.policy = policy;
    }

    JsonNode files() {
        return http.get(uri("/files"));
    }

    JsonNode file(String fileId) {
        return http.get(uri("/files/" + segment(fileId)));
    }

    /**
     * Step 1 of an upload: {@code POST /files} (form-encoded, redirects not followed) answers 302 with the
     * pre-signed URL in {@code Location} and the new file's id in {@code X-Together-File-Id}.
     */
    UploadTarget requestUpload(String fileName) {
        byte[] form = ("purpose=fine-tune&file_name=" + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
                + "&file_type=jsonl").getBytes(StandardCharsets.UTF_8);
        URI uri = uri("/files");
        HttpResponse<String> answer = http.exchange("POST", uri, FORM, BodyPublishers.ofByteArray(form), form,
                policy.requestTimeout());
        int status = answer.statusCode();
        if (status < 300 || status >= 400) {
            http.checked(answer);
            throw malformed("HTTP " + status + " instead of a redirect to the upload URL");
        }
        String location = answer.headers().firstValue("Location").orElse(null);
        String fileId = answer.headers().firstValue("X-Together-File-Id").orElse(null);
        if (location == null || location.isBlank() || fileId == null || fileId.isBlank()) {
            throw malformed("a redirect without Location or X-Together-File-Id");
        }
        return new UploadTarget(uri.resolve(location.strip()), fileId.strip());
    }

    /** Step 2: the bytes, to the pre-signed URL, without Together's credentials. */
    void put(URI location, Path file) {
        try {
            presigned.checked(presigned.exchange("PUT", location, null, BodyPublishers.ofFile(file), null,
                    policy.uploadTimeout()));
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("Exported dataset vanished: " + file, e);
        }
    }

    /** Step 3: Together checks the uploaded file and answers with the file object. */
    JsonNode preprocess(String fileId) {
        return http.post(uri("/files/" + segment(fileId) + "/preprocess"));
    }

    JsonNode createJob(JsonNode body) {
        return http.postJson(uri("/fine-tunes"), body);
    }

    JsonNode jobs() {
        return http.get(uri("/fine-tunes"));
    }

    JsonNode job(String jobId) {
        return http.get(uri("/fine-tunes/" + segment(jobId)));
    }

    JsonNode events(String jobId) {
        return http.get(uri("/fine-tunes/" + segment(jobId) + "/events"));
    }

    JsonNode cancel(String jobId) {
        return http.post(uri("/fine-tunes/" + segment(jobId) + "/cancel"));
    }

    private URI uri(String path) {
        return URI.create(base + path);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private TransientProviderException malformed(String what) {
        return new TransientProviderException(TogetherAdapter.ID, "together answered POST /files with " + what);
    }
}
