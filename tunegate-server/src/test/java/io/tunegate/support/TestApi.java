package io.tunegate.support;

import io.tunegate.security.IssuedKey;
import io.tunegate.security.Projects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/** A plain HTTP client for the running gateway, acting as one project. */
public final class TestApi {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** A small valid chat dataset, uploaded once per project by {@link #dataset()}. */
    public static final String SAMPLE_DATASET = """
            {"messages": [{"role": "system", "content": "You answer tersely."}, {"role": "user", "content": "2+2?"}, {"role": "assistant", "content": "4"}]}
            {"messages": [{"role": "user", "content": "Capital of France?"}, {"role": "assistant", "content": "Paris."}]}
            {"messages": [{"role": "user", "content": "Colour of the sky?"}, {"role": "assistant", "content": "Blue, mostly."}]}
            """;

    private final String base;
    private final String key;
    private String dataset;

    private TestApi(int port, String key) {
        this.base = "http://localhost:" + port;
        this.key = key;
    }

    /** A fresh project with its own key, so tests never see each other's jobs. */
    public static TestApi newProject(int port, Projects projects) {
        var project = projects.create("test-" + UUID.randomUUID());
        IssuedKey key = projects.issueKey(project, "test");
        return new TestApi(port, key.key());
    }

    public static TestApi withKey(int port, String key) {
        return new TestApi(port, key);
    }

    public Response get(String path) {
        return send(request(path).GET().build());
    }

    public Response post(String path, String json, String... headers) {
        if (json.contains(Jobs.DATASET)) {
            // without a key there is no project to upload to; the request is refused before the id matters
            json = json.replace(Jobs.DATASET, key == null ? "ds-00000000-0000-0000-0000-000000000000" : dataset());
        }
        HttpRequest.Builder builder = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    public HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        if (key != null) {
            builder.header("Authorization", "Bearer " + key);
        }
        return builder;
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        try {
            return HTTP.send(request, handler);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** This project's sample dataset ({@link #SAMPLE_DATASET}), uploaded on first use; its {@code ds-} id. */
    public synchronized String dataset() {
        if (dataset == null) {
            dataset = upload("sample.jsonl", SAMPLE_DATASET);
        }
        return dataset;
    }

    /** Uploads a JSONL dataset and returns its {@code ds-} id. */
    public String upload(String filename, String jsonl) {
        Response created = send(request("/v1/datasets?filename=" + filename)
                .header("Content-Type", "application/jsonl")
                .POST(HttpRequest.BodyPublishers.ofString(jsonl)).build());
        if (created.status() != 201) {
            throw new AssertionError("dataset upload: " + created.status() + ": " + created.body());
        }
        return created.json().get("id").asString();
    }

    /** Submits a job and returns its id. */
    public String submit(String json) {
        Response created = post("/v1/jobs", json);
        if (created.status() != 201) {
            throw new AssertionError("expected 201, got " + created.status() + ": " + created.body());
        }
        return created.json().get("id").asString();
    }

    public record Response(int status, String body, HttpResponse<String> raw) {

        Response(HttpResponse<String> raw) {
            this(raw.statusCode(), raw.body(), raw);
        }

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }
}
