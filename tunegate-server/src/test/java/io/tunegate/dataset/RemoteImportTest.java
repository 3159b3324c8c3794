package io.tunegate.dataset;

import io.tunegate.TunegateApplication;
import io.tunegate.security.ProjectId;
import io.tunegate.security.Projects;
import io.tunegate.support.RemoteSourceArgs;
import io.tunegate.support.S3TestServer;
import io.tunegate.support.TestApi;
import io.tunegate.support.TestHttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import static io.tunegate.support.TestHttpsServer.chunked;
import static io.tunegate.support.TestHttpsServer.ok;
import static io.tunegate.support.TestHttpsServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The gateway with S3 storage (an in-process S3 server, path-style, credentials from the default chain)
 * importing s3:// objects and https:// files (a TLS server on loopback, trusted through an SSL bundle,
 * loopback allowed by tunegate.net.allowed-private-networks).
 *
 * <p>Started by hand and closed after the class, like {@code ExternalDatabaseTest}: a second cached test
 * context would pause the shared {@code @GatewayTest} one, whose scheduler cannot be started again.
 */
class RemoteImportTest {

    static final String STORAGE = "tunegate-datasets";
    static final String SOURCE = "customer-data";
    private static final String GOOD = """
            {"messages": [{"role": "system", "content": "You are terse."}, {"role": "user", "content": "Hi"}, {"role": "assistant", "content": "Hello."}]}
            {"messages": [{"role": "user", "content": "2+2?"}, {"role": "assistant", "content": "4"}]}
            """;
    private static final TestHttpsServer HTTPS = new TestHttpsServer();

    private static ConfigurableApplicationContext gateway;
    private static Datasets datasets;
    private static Projects projects;
    private static int port;

    private final S3TestServer s3 = S3TestServer.shared();
    private ProjectId project;
    private TestApi projectApi;

    @BeforeAll
    static void start() {
        S3TestServer s3 = S3TestServer.shared().asDefaultCredentials().bucket(STORAGE).bucket(SOURCE);
        gateway = new SpringApplicationBuilder(TunegateApplication.class).run(RemoteSourceArgs.with(s3,
                "--tunegate.providers.sandbox.enabled=false",
                "--tunegate.datasets.storage.s3.bucket=" + STORAGE,
                "--tunegate.datasets.storage.s3.prefix=store/",
                "--tunegate.datasets.remote.max-bytes=64KB",
                "--tunegate.datasets.remote.read-timeout=2s"));
        datasets = gateway.getBean(Datasets.class);
        projects = gateway.getBean(Projects.class);
        port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        HTTPS.close();
    }

    @BeforeEach
    void newProject() {
        project = projects.create("import-" + UUID.randomUUID());
        projectApi = TestApi.withKey(port, projects.issueKey(project, "test").key());
    }

    @Test
    void uploadsAreStoredInTheBucketOncePerContent() throws Exception {
        String content = GOOD + "{\"messages\": [{\"role\": \"user\", \"content\": \"" + UUID.randomUUID() + "\"}, "
                + "{\"role\": \"assistant\", \"content\": \"ok\"}]}\n";
        JsonNode first = upload(content);
        JsonNode second = upload(content);

        assertThat(second.get("id").asString()).isNotEqualTo(first.get("id").asString());
        assertThat(first.get("sha256").asString()).isEqualTo(sha256(content));
        assertThat(s3.keys(STORAGE, "store/sha256/")).containsOnlyOnce(stored(sha256(content)));
        assertThat(s3.keys(STORAGE, "store/staging/")).isEmpty();
        assertThat(projectApi.get("/v1/datasets/" + first.get("id").asString()).json().get("status").asString())
                .isEqualTo("valid");
    }

    @Test
    void anS3ObjectIsImportedAndStoredByItsHash() throws Exception {
        s3.put(SOURCE, "teams/support/train.jsonl", GOOD.getBytes(StandardCharsets.UTF_8));

        Datasets.DatasetSummary imported = datasets.importReference(project, "s3://" + SOURCE + "/teams/support/train.jsonl",
                "gpt-4o-mini-2024-07-18");

        assertThat(imported.valid()).isTrue();
        assertThat(imported.examples()).isEqualTo(2);
        assertThat(imported.sha256()).isEqualTo(sha256(GOOD));
        assertThat(s3.keys(STORAGE, "store/sha256/")).contains(stored(sha256(GOOD)));
        JsonNode view = projectApi.get("/v1/datasets/" + imported.id()).json();
        assertThat(view.get("filename").asString()).isEqualTo("train.jsonl");
        assertThat(view.get("tokenizer").asString()).isEqualTo("o200k_base");
        assertThat(datasets.importReference(project, imported.id(), null)).isEqualTo(imported);
    }

    @Test
    void anHttpsFileIsImportedAndTheSameBytesAreStoredOnce() throws Exception {
        String content = GOOD.replace("terse", "brief " + UUID.randomUUID());
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        s3.put(SOURCE, "same/bytes.jsonl", bytes);
        HTTPS.on("/exports/same.jsonl", chunked(bytes));

        Datasets.DatasetSummary viaHttps = datasets.importReference(project,
                HTTPS.uri("/exports/same.jsonl?X-Amz-Signature=secret").toString(), null);
        Datasets.DatasetSummary viaS3 = datasets.importReference(project, "s3://" + SOURCE + "/same/bytes.jsonl", null);

        assertThat(viaHttps.id()).isNotEqualTo(viaS3.id());
        assertThat(viaHttps.sha256()).isEqualTo(viaS3.sha256()).isEqualTo(sha256(content));
        assertThat(s3.keys(STORAGE, "store/sha256/")).containsOnlyOnce(stored(sha256(content)));
        assertThat(projectApi.get("/v1/datasets/" + viaHttps.id()).json().get("filename").asString()).isEqualTo("same.jsonl");
    }

    @Test
    void contentThatFailsValidationIsImportedAsInvalid() {
        HTTPS.on("/exports/broken.jsonl", ok("not json\n".getBytes(StandardCharsets.UTF_8)));
        Datasets.DatasetSummary imported = datasets.importReference(project, HTTPS.uri("/exports/broken.jsonl").toString(), null);
        assertThat(imported.valid()).isFalse();
    }

    @Test
    void whatCannotBeImportedSaysWhyAndWhetherToRetry() {
        s3.put(SOURCE, "big/train.jsonl", new byte[70 * 1024]);
        HTTPS.on("/exports/endless.jsonl", chunked(GOOD.repeat(400).getBytes(StandardCharsets.UTF_8)))
                .on("/exports/empty.jsonl", ok(new byte[0]))
                .on("/exports/missing.jsonl", status(404))
                .on("/exports/busy.jsonl", status(503));

        assertRefused("s3://" + SOURCE + "/nothing/here.jsonl", false, "no such object");
        assertRefused("s3://no-such-bucket-here/train.jsonl", false, "no such bucket");
        assertRefused("s3://" + SOURCE + "/big/train.jsonl", false, "more than the limit of 65536");
        assertRefused(HTTPS.uri("/exports/endless.jsonl").toString(), false, "larger than the limit of 65536");
        assertRefused(HTTPS.uri("/exports/empty.jsonl").toString(), false, "the file is empty");
        assertRefused(HTTPS.uri("/exports/missing.jsonl?sig=hidden").toString(), false, "HTTP 404");
        assertRefused(HTTPS.uri("/exports/busy.jsonl").toString(), true, "HTTP 503");
        assertRefused("https://127.0.0.2:" + HTTPS.port() + "/x.jsonl", false, "loopback");
        assertRefused("ftp://example.com/x.jsonl", false, "must be a dataset id (ds-<uuid>)");
        assertRefused("ds-" + UUID.randomUUID(), false, "no dataset");

        assertThat(projectApi.get("/v1/datasets").json().get("data")).isEmpty();
        assertThat(s3.keys(STORAGE, "store/staging/")).isEmpty();
        assertThat(s3.pendingUploads(STORAGE)).isZero();
    }

    private void assertRefused(String reference, boolean retryable, String reason) {
        DatasetImportException e = catchThrowableOfType(DatasetImportException.class,
                () -> datasets.importReference(project, reference, null));
        assertThat(e).as(reference).isNotNull();
        assertThat(e.retryable()).as(reference).isEqualTo(retryable);
        assertThat(e.getMessage()).as(reference).contains(reason).doesNotContain("hidden");
    }

    private JsonNode upload(String body) {
        TestApi.Response created = projectApi.send(projectApi.request("/v1/datasets").header("Content-Type", "application/jsonl")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    private static String stored(String sha256) {
        return "store/sha256/" + sha256.substring(0, 2) + "/" + sha256 + ".jsonl";
    }

    private static String sha256(String body) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8)));
    }
}
