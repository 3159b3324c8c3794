package io.tunegate.client;

import io.tunegate.client.model.Catalog;
import io.tunegate.client.model.Dataset;
import io.tunegate.client.model.Estimate;
import io.tunegate.client.model.Job;
import io.tunegate.client.model.JobEvent;
import io.tunegate.client.model.JobRequest;
import io.tunegate.client.model.JobStatus;
import io.tunegate.client.model.MetricPoint;
import io.tunegate.client.model.Model;
import io.tunegate.client.model.ModelVersion;
import io.tunegate.client.model.Page;
import tools.jackson.databind.JavaType;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A client of Tunegate's REST API ({@code /v1}). Thread-safe: share one per gateway and key. Close it when it
 * created its own {@link HttpClient} (the default).
 *
 * <pre>{@code
 * try (var client = FineTuningClient.builder().baseUrl("http://localhost:8080").apiKey(key).build()) {
 *     Dataset data = client.uploadDataset(Path.of("train.jsonl"));
 *     Job job = client.submitTrainingJob(JobRequest.builder().jobName("support-bot")
 *             .baseModel("gpt-4o-mini").trainingData(data.id()).epochs(3).build());
 *     try (JobEventStream events = client.streamJobEvents(job.id())) {
 *         events.forEachRemaining(e -> System.out.println(e.type() + " " + e.status()));
 *     }
 * }
 * }</pre>
 *
 * <p>Errors: the gateway's refusals are {@link TunegateApiException}s carrying the problem details, with a
 * subclass per kind ({@link NotFoundException}, {@link BudgetExceededException}, ...); a gateway that cannot be
 * reached is a {@link TunegateTransportException}. Reads, estimates and job submissions (sent with an
 * {@code Idempotency-Key}) are retried on connection failures and 502/503/504; cancels and uploads are not.
 */
public final class FineTuningClient implements AutoCloseable {

    /** The environment variables {@link #fromEnvironment()} reads. */
    public static final String URL_VARIABLE = "TUNEGATE_URL";
    public static final String API_KEY_VARIABLE = "TUNEGATE_API_KEY";
    public static final String DEFAULT_URL = "http://localhost:8080";

    private static final String USER_AGENT = "tunegate-java-client/0.1";
    private static final Duration MAX_RETRY_WAIT = Duration.ofSeconds(30);

    private final String baseUrl;
    private final String apiKey;
    private final HttpClient http;
    private final boolean ownsHttp;
    private final Duration requestTimeout;
    private final int maxRetries;
    private final Duration retryDelay;
    private final JobEventStream.Settings streamSettings;

    private FineTuningClient(Builder builder) {
        this.baseUrl = stripSlash(Objects.requireNonNull(builder.baseUrl, "baseUrl"));
        URI.create(baseUrl); // fails early on a malformed URL
        this.apiKey = builder.apiKey;
        this.ownsHttp = builder.httpClient == null;
        this.http = ownsHttp ? HttpClient.newBuilder().connectTimeout(builder.connectTimeout)
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER).build()
                : builder.httpClient;
        this.requestTimeout = builder.requestTimeout;
        this.maxRetries = builder.maxRetries;
        this.retryDelay = builder.retryDelay;
        this.streamSettings = new JobEventStream.Settings(builder.streamReconnects, builder.streamReconnectDelay,
                builder.streamIdleTimeout);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A client for {@code TUNEGATE_URL} (default {@value #DEFAULT_URL}) with the key in {@code TUNEGATE_API_KEY}.
     *
     * @throws IllegalStateException when {@code TUNEGATE_API_KEY} is not set
     */
    public static FineTuningClient fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /** {@link #fromEnvironment()} reading the given variables, for tests and launchers. */
    public static FineTuningClient fromEnvironment(Map<String, String> environment) {
        String key = environment.get(API_KEY_VARIABLE);
        if (key == null || key.isBlank()) {
            throw new IllegalStateException(API_KEY_VARIABLE + " is not set");
        }
        String url = environment.get(URL_VARIABLE);
        return builder().baseUrl(url == null || url.isBlank() ? DEFAULT_URL : url.strip()).apiKey(key.strip())
                .build();
    }

    // ---- jobs ----------------------------------------------------------------------------------------------

    /** Submits a job with a fresh {@code Idempotency-Key}, so that this client's own retries cannot create two. */
    public Job submitTrainingJob(JobRequest request) {
        return submitTrainingJob(request, UUID.randomUUID().toString());
    }

    /**
     * Submits a job. The same key with the same body within 24 h answers the first job again instead of
     * creating another; with a different body, {@link IdempotencyKeyReusedException}.
     */
    public Job submitTrainingJob(JobRequest request, String idempotencyKey) {
        return submitTrainingJobJson(Json.write(Objects.requireNonNull(request, "request")), idempotencyKey);
    }

    /** Submits a job body given as JSON text, sent as it is (e.g. a {@code job.json} file). */
    public Job submitTrainingJobJson(String json) {
        return submitTrainingJobJson(json, UUID.randomUUID().toString());
    }

    public Job submitTrainingJobJson(String json, String idempotencyKey) {
        Objects.requireNonNull(json, "json");
        HttpRequest.Builder request = request("/v1/jobs").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        // without a key a retry could create a second job
        return call(request, idempotencyKey != null, Json.MAPPER.constructType(Job.class));
    }

    public Job getJob(String jobId) {
        return get("/v1/jobs/" + segment(jobId), Job.class);
    }

    /** The newest 20 jobs of the project. */
    public Page<Job> listJobs() {
        return listJobs(JobListQuery.all());
    }

    /** One page of jobs, newest first. */
    public Page<Job> listJobs(JobListQuery query) {
        Query params = new Query();
        if (!query.statuses().isEmpty()) {
            params.add("status", query.statuses().stream().map(JobStatus::wire).collect(Collectors.joining(",")));
        }
        params.add("provider", query.provider());
        params.add("job_name", query.jobName());
        params.add("limit", query.limit());
        params.add("cursor", query.cursor());
        return getPage("/v1/jobs" + params, Job.class);
    }

    /** Every job the query matches, newest first, fetching further pages as the stream is consumed. */
    public Stream<Job> allJobs(JobListQuery query) {
        return follow(query.cursor(), cursor -> listJobs(query.cursor(cursor)));
    }

    /**
     * Cancels a job: at once if it was not submitted to a provider yet, otherwise it is {@code cancelling} until
     * the provider confirms. Not retried.
     *
     * @throws ConflictException when the job has already ended
     */
    public Job cancelJob(String jobId) {
        return call(request("/v1/jobs/" + segment(jobId) + "/cancel").POST(HttpRequest.BodyPublishers.noBody()),
                false, Json.MAPPER.constructType(Job.class));
    }

    /** A page of the job's history, oldest first; cursor null for the first page, limit null for 100. */
    public Page<JobEvent> listJobEvents(String jobId, String cursor, Integer limit) {
        return getPage("/v1/jobs/" + segment(jobId) + "/events" + new Query().add("cursor", cursor)
                .add("limit", limit), JobEvent.class);
    }

    /** The job's whole history so far, oldest first. */
    public List<JobEvent> getJobEvents(String jobId) {
        try (Stream<JobEvent> events = follow(null, cursor -> listJobEvents(jobId, cursor, 1000))) {
            return events.toList();
        }
    }

    /** A page of the training curve; cursor null for the first page, limit null for 1000. */
    public Page<MetricPoint> listJobMetrics(String jobId, String cursor, Integer limit) {
        return getPage("/v1/jobs/" + segment(jobId) + "/metrics" + new Query().add("cursor", cursor)
                .add("limit", limit), MetricPoint.class);
    }

    /** The job's whole training curve so far, by step. */
    public List<MetricPoint> getJobMetrics(String jobId) {
        try (Stream<MetricPoint> points = follow(null, cursor -> listJobMetrics(jobId, cursor, 10_000))) {
            return points.toList();
        }
    }

    /**
     * Follows the job's events as they happen: its history first, then live, ending after the job's terminal
     * event. Reconnects with {@code Last-Event-ID} when the connection drops. Close it to stop early.
     *
     * @throws NotFoundException (at once) when there is no such job
     */
    public JobEventStream streamJobEvents(String jobId) {
        return streamJobEvents(jobId, null);
    }

    /**
     * Like {@link #streamJobEvents(String)}, starting after the event with this id (its {@code seq}); null
     * starts from the beginning.
     *
     * @throws InvalidRequestException when the id is past the job's last event
     */
    public JobEventStream streamJobEvents(String jobId, String lastEventId) {
        String path = "/v1/jobs/" + segment(jobId) + "/events/stream";
        return JobEventStream.open(jobId, lastEventId, streamSettings, after -> openStream(path, after),
                () -> getJob(jobId));
    }

    // ---- estimates ---------------------------------------------------------------------------------------

    /** Prices a job on every provider that offers its base model, and says which {@code "auto"} would pick. */
    public Estimate estimate(JobRequest request) {
        return estimateJson(Json.write(Objects.requireNonNull(request, "request")));
    }

    /** {@link #estimate(JobRequest)} of a job body given as JSON text. */
    public Estimate estimateJson(String json) {
        return call(request("/v1/estimates").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), true, Json.MAPPER.constructType(Estimate.class));
    }

    /** The quote a job was routed on, stored when it was created. */
    public Estimate getJobEstimate(String jobId) {
        return get("/v1/jobs/" + segment(jobId) + "/estimate", Estimate.class);
    }

    // ---- datasets ----------------------------------------------------------------------------------------

    /** Uploads a JSONL file under its own name. */
    public Dataset uploadDataset(Path file) {
        return uploadDataset(file, UploadOptions.defaults());
    }

    /**
     * Uploads a JSONL file, streamed from disk (never read into memory). The gateway validates and counts it as
     * it arrives; a file with errors is still stored, as {@code invalid}, so its report can be read. Not retried.
     */
    public Dataset uploadDataset(Path file, UploadOptions options) {
        HttpRequest.BodyPublisher body;
        try {
            body = HttpRequest.BodyPublishers.ofFile(file);
        } catch (FileNotFoundException e) {
            throw new TunegateException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        String filename = options.filename() != null ? options.filename()
                : file.getFileName() == null ? null : file.getFileName().toString();
        return upload(body, options.filename(filename));
    }

    /**
     * Uploads JSONL read from a stream (sent chunked; the progress total is -1). The stream is read to its end
     * but not closed. Not retried.
     */
    public Dataset uploadDataset(InputStream data, UploadOptions options) {
        Objects.requireNonNull(data, "data");
        InputStream unclosed = new java.io.FilterInputStream(data) {
            @Override
            public void close() {
                // the caller owns the stream
            }
        };
        return upload(HttpRequest.BodyPublishers.ofInputStream(() -> unclosed), options);
    }

    private Dataset upload(HttpRequest.BodyPublisher body, UploadOptions options) {
        HttpRequest.BodyPublisher sent = options.progress() == null ? body
                : new ProgressPublisher(body, options.progress());
        String path = "/v1/datasets" + new Query().add("filename", options.filename())
                .add("base_model", options.baseModel());
        // no request timeout: a large file may take long to send; the connection's own failures still end it
        HttpRequest request = authorized(HttpRequest.newBuilder(uri(path)))
                .header("Content-Type", "application/jsonl").POST(sent).build();
        return Json.read(exchange(request, false), Dataset.class);
    }

    public Dataset getDataset(String datasetId) {
        return get("/v1/datasets/" + segment(datasetId), Dataset.class);
    }

    /** A page of datasets, newest first (without their reports); cursor and limit may be null. */
    public Page<Dataset> listDatasets(String cursor, Integer limit) {
        return getPage("/v1/datasets" + new Query().add("cursor", cursor).add("limit", limit), Dataset.class);
    }

    public Stream<Dataset> allDatasets() {
        return follow(null, cursor -> listDatasets(cursor, 100));
    }

    // ---- models ------------------------------------------------------------------------------------------

    /** A page of registered models; cursor and limit may be null. */
    public Page<Model> listModels(String cursor, Integer limit) {
        return getPage("/v1/models" + new Query().add("cursor", cursor).add("limit", limit), Model.class);
    }

    public Stream<Model> allModels() {
        return follow(null, cursor -> listModels(cursor, 100));
    }

    public Model getModel(String name) {
        return get("/v1/models/" + segment(name), Model.class);
    }

    /** Every version of a registered model. */
    public List<ModelVersion> listModelVersions(String name) {
        Page<ModelVersion> page = getPage("/v1/models/" + segment(name) + "/versions", ModelVersion.class);
        return page.data();
    }

    /** The gateway's model catalog: base models, their offers, prices and whether they train today. */
    public Catalog getCatalog() {
        return get("/v1/catalog", Catalog.class);
    }

    // ---- plumbing ----------------------------------------------------------------------------------------

    /** The gateway's address, e.g. {@code http://localhost:8080}. */
    public String baseUrl() {
        return baseUrl;
    }

    @Override
    public void close() {
        if (ownsHttp) {
            http.close();
        }
    }

    @Override
    public String toString() {
        return "FineTuningClient[" + baseUrl + "]"; // never the key
    }

    private <T> T get(String path, Class<T> type) {
        return call(request(path).GET(), true, Json.MAPPER.constructType(type));
    }

    private <T> Page<T> getPage(String path, Class<T> item) {
        return call(request(path).GET(), true, Json.page(item));
    }

    private <T> T call(HttpRequest.Builder request, boolean retryable, JavaType type) {
        return Json.read(exchange(request.build(), retryable), type);
    }

    /** Sends, retrying when allowed; answers the body of a 2xx or throws the problem. */
    private String exchange(HttpRequest request, boolean retryable) {
        int attempt = 0;
        while (true) {
            HttpResponse<String> response;
            try {
                response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                if (retryable && attempt < maxRetries) {
                    pause(backoff(attempt++, null));
                    continue;
                }
                throw new TunegateTransportException(request.method() + " " + request.uri().getPath()
                        + " failed: " + describe(e), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TunegateTransportException("Interrupted waiting for the gateway", e);
            }
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return response.body();
            }
            if (retryable && attempt < maxRetries && (status == 502 || status == 503 || status == 504)) {
                pause(backoff(attempt++, response.headers().firstValue("Retry-After").orElse(null)));
                continue;
            }
            throw Problems.exception(Json.problem(status, response.body()));
        }
    }

    /** Opens the event stream; 200 answers the open body, anything else throws. */
    private InputStream openStream(String path, String lastEventId) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(uri(path)))
                .header("Accept", "text/event-stream").header("Cache-Control", "no-cache").GET();
        if (requestTimeout != null) {
            request.timeout(requestTimeout); // until the answer's headers; the stream itself may last long
        }
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<InputStream> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new TunegateTransportException("GET " + path + " failed: " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TunegateTransportException("Interrupted waiting for the gateway", e);
        }
        if (response.statusCode() == 200) {
            return response.body();
        }
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            body = "";
        }
        throw Problems.exception(Json.problem(response.statusCode(), body));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = authorized(HttpRequest.newBuilder(uri(path))).header("Accept", "application/json");
        if (requestTimeout != null) {
            builder.timeout(requestTimeout);
        }
        return builder;
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder builder) {
        builder.header("User-Agent", USER_AGENT);
        if (apiKey != null) {
            builder.header("Authorization", "Bearer " + apiKey);
        }
        return builder;
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Duration backoff(int attempt, String retryAfter) {
        if (retryAfter != null) {
            try {
                Duration asked = Duration.ofSeconds(Long.parseLong(retryAfter.trim()));
                return asked.compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : asked;
            } catch (NumberFormatException | ArithmeticException e) {
                // an HTTP date or junk: our own backoff
            }
        }
        Duration wait = retryDelay.multipliedBy(1L << Math.min(attempt, 10));
        return wait.compareTo(MAX_RETRY_WAIT) > 0 ? MAX_RETRY_WAIT : wait;
    }

    private static void pause(Duration wait) {
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TunegateTransportException("Interrupted while waiting to retry", e);
        }
    }

    static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    /** Lazily fetches page after page while the stream is consumed. */
    static <T> Stream<T> follow(String firstCursor, Function<String, Page<T>> fetch) {
        Iterator<T> items = new Iterator<>() {
            private Iterator<T> current = List.<T>of().iterator();
            private String cursor = firstCursor;
            private boolean more = true;

            @Override
            public boolean hasNext() {
                while (!current.hasNext() && more) {
                    Page<T> page = fetch.apply(cursor);
                    current = page.data().iterator();
                    cursor = page.nextCursor();
                    more = page.hasMore() && cursor != null;
                }
                return current.hasNext();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return current.next();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(items,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    private static String segment(String value) {
        Objects.requireNonNull(value, "id");
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        String trimmed = url.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /** A query string built from the parameters that are set. */
    private static final class Query {
        private final List<String> parts = new ArrayList<>();

        Query add(String name, Object value) {
            if (value != null) {
                parts.add(name + "=" + URLEncoder.encode(value.toString(), StandardCharsets.UTF_8));
            }
            return this;
        }

        @Override
        public String toString() {
            return parts.isEmpty() ? "" : "?" + String.join("&", parts);
        }
    }

    /** Settings of a {@link FineTuningClient}; only {@link #baseUrl} is required. */
    public static final class Builder {

        private String baseUrl;
        private String apiKey;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(60);
        private HttpClient httpClient;
        private int maxRetries = 2;
        private Duration retryDelay = Duration.ofMillis(500);
        private int streamReconnects = 10;
        private Duration streamReconnectDelay = Duration.ofSeconds(1);
        private Duration streamIdleTimeout = Duration.ofSeconds(60);

        private Builder() {
        }

        /** The gateway, e.g. {@code http://localhost:8080} (a path prefix is kept). */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl;
            return this;
        }

        /** The project's API key, sent as {@code Authorization: Bearer}; never shown in messages. */
        public Builder apiKey(String apiKey) {
            this.apiKey = apiKey;
            return this;
        }

        /** For the client's own {@link HttpClient}; ignored when one is given. Default 10 s. */
        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = Objects.requireNonNull(connectTimeout);
            return this;
        }

        /** How long to wait for an answer (not for an upload); null for no limit. Default 60 s. */
        public Builder requestTimeout(Duration requestTimeout) {
            this.requestTimeout = requestTimeout;
            return this;
        }

        /** An HTTP client to use (and not close) instead of the client's own. */
        public Builder httpClient(HttpClient httpClient) {
            this.httpClient = httpClient;
            return this;
        }

        /** Retries of a retryable request after a connection failure or 502/503/504. Default 2. */
        public Builder maxRetries(int maxRetries) {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more");
            }
            this.maxRetries = maxRetries;
            return this;
        }

        /** The first retry's wait, doubled for each further one (a {@code Retry-After} wins). Default 500 ms. */
        public Builder retryDelay(Duration retryDelay) {
            this.retryDelay = Objects.requireNonNull(retryDelay);
            return this;
        }

        /** Reconnections an event stream tries in a row without receiving an event before it fails. Default 10. */
        public Builder streamReconnects(int attempts) {
            if (attempts < 0) {
                throw new IllegalArgumentException("streamReconnects must be 0 or more");
            }
            this.streamReconnects = attempts;
            return this;
        }

        /** The first wait before reconnecting a stream, doubled per failed try (the server's retry: wins). */
        public Builder streamReconnectDelay(Duration delay) {
            this.streamReconnectDelay = Objects.requireNonNull(delay);
            return this;
        }

        /**
         * A stream that receives nothing (the gateway sends a keep-alive every 15 s) for this long is taken as
         * dead and reconnected. Default 60 s.
         */
        public Builder streamIdleTimeout(Duration timeout) {
            this.streamIdleTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        public FineTuningClient build() {
            return new FineTuningClient(this);
        }
    }
}
