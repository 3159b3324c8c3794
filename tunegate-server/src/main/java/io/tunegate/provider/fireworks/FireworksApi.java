package io.tunegate.provider.fireworks;

import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.http.Multipart;
import io.tunegate.provider.http.ProviderHttp;
import io.tunegate.provider.http.RequestAuth;
import io.tunegate.provider.resilience.ProviderPolicy;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

import java.io.FileNotFoundException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Fireworks' control-plane REST calls (reference §6), every path under {@code /v1/accounts/{account}}. */
final class FireworksApi {

    private final String accountRoot;
    private final String account;
    private final ProviderHttp http;
    private final RequestAuth auth;
    private final ProviderPolicy policy;

    FireworksApi(URI baseUrl, String account, ProviderHttp http, RequestAuth auth, ProviderPolicy policy) {
        String root = baseUrl.toString();
        root = root.endsWith("/") ? root.substring(0, root.length() - 1) : root;
        this.account = account;
        this.accountRoot = root + "/v1/accounts/" + segment(account);
        this.http = http;
        this.auth = auth;
        this.policy = policy;
    }

    String datasetName(String datasetId) {
        return "accounts/" + account + "/datasets/" + datasetId;
    }

    /** Creates the dataset record; empty when one with this id exists already (409 / ALREADY_EXISTS). */
    Optional<JsonNode> createDataset(String datasetId, JsonNode dataset) {
        URI uri = uri("/datasets");
        byte[] body = http.json().writeValueAsBytes(Map.of("datasetId", datasetId, "dataset", dataset));
        HttpResponse<String> answer = http.exchange("POST", uri, ProviderHttp.JSON, BodyPublishers.ofByteArray(body),
                body, policy.requestTimeout());
        if (alreadyExists(answer)) {
            return Optional.empty();
        }
        return Optional.of(http.parse("POST", uri, http.checked(answer)));
    }

    JsonNode dataset(String datasetId) {
        return http.get(uri("/datasets/" + segment(datasetId)));
    }

    /** Small files: one multipart request with the file in the {@code file} field. */
    JsonNode upload(String datasetId, String filename, Path file) {
        Multipart form = new Multipart().file("file", filename, "application/octet-stream", file);
        return http.upload("POST", uri("/datasets/" + segment(datasetId) + ":upload"), form.contentType(),
                form.publisher(), auth, policy.uploadTimeout());
    }

    /** Large files, step 1: a signed URL for the file name and exact size. */
    URI uploadEndpoint(String datasetId, String filename, long bytes) {
        JsonNode answer = http.postJson(uri("/datasets/" + segment(datasetId) + ":getUploadEndpoint"),
                Map.of("filenameToSize", Map.of(filename, Long.toString(bytes))));
        JsonNode url = answer.path("filenameToSignedUrls").path(filename);
        if (!url.isString() || url.asString().isBlank()) {
            throw new TransientProviderException(FireworksAdapter.ID, "fireworks answered :getUploadEndpoint without "
                    + "a signed URL for " + filename);
        }
        return URI.create(url.asString().strip());
    }

    /**
     * Large files, step 2: PUT the bytes to the signed (Google Cloud Storage) URL, without Fireworks'
     * credentials; the length-range header is part of what was signed.
     */
    void putSigned(URI signedUrl, Path file, long bytes) {
        RequestAuth range = RequestAuth.header("x-goog-content-length-range", bytes + "," + bytes);
        try {
            http.upload("PUT", signedUrl, "application/octet-stream", BodyPublishers.ofFile(file), range,
                    policy.uploadTimeout());
        } catch (FileNotFoundException e) {
            throw new IllegalStateException("Exported dataset vanished: " + file, e);
        }
    }

    /** Large files, step 3: Fireworks checks what arrived. */
    JsonNode validateUpload(String datasetId) {
        return http.postJson(uri("/datasets/" + segment(datasetId) + ":validateUpload"), Map.of());
    }

    /** Creates the job under a client-chosen id; empty when a job with this id exists already. */
    Optional<JsonNode> createJob(String jobId, JsonNode body) {
        URI uri = uri("/supervisedFineTuningJobs?supervisedFineTuningJobId="
                + URLEncoder.encode(jobId, StandardCharsets.UTF_8));
        byte[] bytes = http.json().writeValueAsBytes(body);
        HttpResponse<String> answer = http.exchange("POST", uri, ProviderHttp.JSON, BodyPublishers.ofByteArray(bytes),
                bytes, policy.requestTimeout());
        if (alreadyExists(answer)) {
            return Optional.empty();
        }
        return Optional.of(http.parse("POST", uri, http.checked(answer)));
    }

    /** The job, or empty when Fireworks does not know it (404). */
    Optional<JsonNode> job(String jobId) {
        URI uri = uri("/supervisedFineTuningJobs/" + segment(jobId));
        HttpResponse<String> answer = http.exchange("GET", uri, null, BodyPublishers.noBody(), null,
                policy.requestTimeout());
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(http.parse("GET", uri, http.checked(answer)));
    }

    /**
     * Cancels by {@code POST …:cancel} (the form Fireworks uses for its other job kinds; not verified for SFT
     * jobs); if that path is unknown (404 or 405), deletes the job instead, as the Portkey gateway does.
     */
    void cancel(String jobId) {
        URI cancel = uri("/supervisedFineTuningJobs/" + segment(jobId) + ":cancel");
        byte[] empty = "{}".getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.exchange("POST", cancel, ProviderHttp.JSON,
                BodyPublishers.ofByteArray(empty), empty, policy.requestTimeout());
        if (answer.statusCode() == 404 || answer.statusCode() == 405) {
            http.delete(uri("/supervisedFineTuningJobs/" + segment(jobId)));
            return;
        }
        http.checked(answer);
    }

    /**
     * 409, or a refusal whose gRPC code says ALREADY_EXISTS (6): gRPC-gateway maps that code to 409, but the
     * control plane's error shape is not verified.
     */
    private boolean alreadyExists(HttpResponse<String> answer) {
        int status = answer.statusCode();
        if (status == 409) {
            return true;
        }
        if (status < 400 || status >= 500 || answer.body() == null || answer.body().isBlank()) {
            return false;
        }
        try {
            JsonNode body = http.json().readTree(answer.body());
            JsonNode code = body.path("code").isMissingNode() ? body.path("error").path("code") : body.path("code");
            String text = code.isValueNode() ? code.asString().toUpperCase(Locale.ROOT) : "";
            return text.equals("6") || text.equals("ALREADY_EXISTS");
        } catch (JacksonException e) {
            return false;
        }
    }

    private URI uri(String path) {
        return URI.create(accountRoot + path);
    }

    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
