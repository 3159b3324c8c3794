package io.tunegate;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import io.tunegate.support.GatewayProcesses;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three gateway processes on one PostgreSQL (started here), a webhook receiver here; one gateway is killed
 * with SIGKILL while it follows jobs. The other two take its work over once its lease (4 s) has run out:
 * every job ends, every provider job was created once, every webhook event reached the receiver signed.
 */
class MultiInstanceTest {

    private static final String KEY = "tg_multi_instance_test_key";
    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled");

    @TempDir
    Path dataDir;

    private EmbeddedPostgres postgres;
    private GatewayProcesses gateways;
    private HttpServer receiver;
    /** webhook-id of every request that carried a valid signature. */
    private final Set<String> verified = ConcurrentHashMap.newKeySet();
    private final List<String> rejected = new CopyOnWriteArrayList<>();
    private volatile Webhook signatures;

    @BeforeEach
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        gateways = new GatewayProcesses(dataDir);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            try {
                signatures.verify(body, Map.of(
                        "webhook-id", List.of(id),
                        "webhook-timestamp", List.of(headers.getFirst("webhook-timestamp")),
                        "webhook-signature", List.of(headers.getFirst("webhook-signature"))));
                verified.add(id);
                exchange.sendResponseHeaders(204, -1);
            } catch (Exception e) {
                rejected.add(id + ": " + e);
                exchange.sendResponseHeaders(400, -1);
            }
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() throws Exception {
        gateways.close();
        receiver.stop(0);
        postgres.close();
    }

    private Process gateway(int port, String name) throws Exception {
        return gateways.start(port, Path.of("target", "multi-instance-" + name + ".log"),
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--tunegate.bootstrap.key=" + KEY,
                "--tunegate.providers.sandbox.enabled=true",
                // the injected transient errors are not what this test is about: keep the breaker closed
                "--tunegate.providers.sandbox.circuit-breaker.sliding-window-size=1000",
                "--tunegate.providers.sandbox.circuit-breaker.minimum-number-of-calls=1000",
                "--tunegate.webhooks.allowed-private-networks=127.0.0.1",
                "--tunegate.webhooks.allow-plain-http=true");
    }

    @Test
    void threeInstancesOneKilledNoJobOrEventLostNoProviderJobTwice() throws Exception {
        int[] ports = {GatewayProcesses.freePort(), GatewayProcesses.freePort(), GatewayProcesses.freePort()};
        // the first one migrates the schema and registers the key; the others start on it together
        gateway(ports[0], "a");
        GatewayProcesses.awaitReady(ports[0]);
        gateway(ports[1], "b");
        Process victim = gateway(ports[2], "c");
        GatewayProcesses.awaitReady(ports[1]);
        GatewayProcesses.awaitReady(ports[2]);
        List<TestApi> apis = List.of(TestApi.withKey(ports[0], KEY), TestApi.withKey(ports[1], KEY),
                TestApi.withKey(ports[2], KEY));

        var endpoint = apis.get(0).post("/v1/webhook-endpoints",
                "{\"url\": \"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks\"}");
        assertThat(endpoint.status()).as(endpoint.body()).isEqualTo(201);
        signatures = new Webhook(endpoint.json().get("secret").asString());

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            List<String> options = new ArrayList<>(List.of("\"duration_seconds\": " + (3 + i % 4), "\"steps\": 3",
                    // a slow provider call: the instance holds the job's execution for a while
                    "\"latency_ms\": " + (i % 2 == 0 ? 600 : 50)));
            if (i % 5 == 1) {
                options.add("\"transient_errors\": 2");
            }
            if (i % 7 == 2) {
                options.add("\"lose_submit_answers\": 1");
            }
            if (i % 4 == 3) {
                options.add("\"outcome\": \"fail\"");
            }
            ids.add(apis.get(i % 3).submit(Jobs.request("multi-" + i, "{" + String.join(", ", options) + "}")));
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ids.stream().filter(id -> "running".equals(status(apis.get(0), id))).count() >= 10);

        String victimName = victim.pid() + "@";
        int heldAtKill = count("select count(*) from scheduled_tasks where picked and picked_by like '" + victimName + "%'");
        victim.destroyForcibly().waitFor();
        long killedAt = System.nanoTime();
        // its executions are released once the lease has run out and the dead-execution check has seen it
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100)).until(() ->
                count("select count(*) from scheduled_tasks where picked and picked_by like '" + victimName + "%'") == 0);
        long takeoverMs = (System.nanoTime() - killedAt) / 1_000_000;
        System.out.printf("MultiInstanceTest: %d executions held by the killed instance, released after %d ms%n",
                heldAtKill, takeoverMs);

        TestApi survivor = apis.get(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> ids.stream().allMatch(id -> TERMINAL.contains(status(survivor, id))));
        for (String id : ids) {
            assertThat(count("select count(*) from sandbox_jobs where client_token = '" + id + "'"))
                    .as("provider jobs created for " + id).isEqualTo(1);
            // the terminal event is part of the outbox for every job
            assertThat(count("select count(*) from webhook_deliveries where event_type in ('job.succeeded', 'job.failed')"
                    + " and payload like '%\"id\":\"" + id + "\"%'")).as("terminal event of " + id).isEqualTo(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) from webhook_deliveries where status <> 'succeeded'") == 0);
        List<String> messageIds = strings("select message_id from webhook_deliveries");
        assertThat(messageIds).hasSizeGreaterThanOrEqualTo(ids.size() * 2).doesNotHaveDuplicates();
        assertThat(verified).as("every event delivered with a valid signature").containsAll(messageIds);
        assertThat(rejected).isEmpty();
    }

    private static String status(TestApi api, String id) {
        try {
            return api.get("/v1/jobs/" + id).json().get("status").asString();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private Connection connection() throws SQLException {
        return DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
    }

    private int count(String sql) throws SQLException {
        try (Connection c = connection(); var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = connection(); var rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
