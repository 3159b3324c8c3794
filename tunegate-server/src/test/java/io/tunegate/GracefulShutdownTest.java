package io.tunegate;

import io.tunegate.support.GatewayProcesses;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two gateway processes on one PostgreSQL (started here) with a lease of two minutes; one is stopped with
 * SIGTERM while it holds jobs. Its executions in flight finish and are released at once, so the other one
 * finishes the jobs long before the lease would have run out.
 */
class GracefulShutdownTest {

    private static final String KEY = "tg_graceful_shutdown_test_key";
    private static final Set<String> TERMINAL = Set.of("succeeded", "failed", "cancelled");

    @TempDir
    Path dataDir;

    private EmbeddedPostgres postgres;
    private GatewayProcesses gateways;

    @BeforeEach
    void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        gateways = new GatewayProcesses(dataDir);
    }

    @AfterEach
    void stop() throws Exception {
        gateways.close();
        postgres.close();
    }

    private Process gateway(int port, String name) throws Exception {
        return gateways.start(port, Path.of("target", "graceful-shutdown-" + name + ".log"),
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--tunegate.bootstrap.key=" + KEY,
                "--tunegate.providers.sandbox.enabled=true");
    }

    @Test
    void aStoppedInstanceReleasesItsWorkAtOnceInsteadOfWaitingForTheLease() throws Exception {
        // a lease of 2 minutes: anything that waited for it would miss the bounds below
        gateways.lease("10s", 12);
        int[] ports = {GatewayProcesses.freePort(), GatewayProcesses.freePort()};
        gateway(ports[0], "stays");
        GatewayProcesses.awaitReady(ports[0]);
        Process stopped = gateway(ports[1], "stopped");
        GatewayProcesses.awaitReady(ports[1]);
        TestApi api = TestApi.withKey(ports[1], KEY);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            // every provider call takes a while, so both instances hold executions most of the time
            ids.add(api.submit(Jobs.request("graceful-" + i, "{\"duration_seconds\": 4, \"steps\": 2, \"latency_ms\": 1500}")));
        }
        String stoppedName = stopped.pid() + "@";
        String heldByStopped = "select count(*) from scheduled_tasks where picked and picked_by like '" + stoppedName + "%'";
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> count(heldByStopped) > 0);

        int heldAtStop = count(heldByStopped);
        long stoppingAt = System.nanoTime();
        stopped.destroy(); // SIGTERM
        assertThat(stopped.waitFor(60, TimeUnit.SECONDS)).as("stopped in time").isTrue();
        long exitMs = (System.nanoTime() - stoppingAt) / 1_000_000;
        assertThat(count(heldByStopped)).as("executions left picked by the stopped instance").isZero();

        TestApi stays = TestApi.withKey(ports[0], KEY);
        await().atMost(Duration.ofSeconds(45)).until(() -> ids.stream().allMatch(id -> TERMINAL.contains(status(stays, id))));
        long doneMs = (System.nanoTime() - stoppingAt) / 1_000_000;
        System.out.printf("GracefulShutdownTest: SIGTERM with %d executions held; exited after %d ms (code %d), "
                + "all jobs ended %d ms after SIGTERM (lease 120 s)%n", heldAtStop, exitMs, stopped.exitValue(), doneMs);
        for (String id : ids) {
            assertThat(count("select count(*) from sandbox_jobs where client_token = '" + id + "'"))
                    .as("provider jobs created for " + id).isEqualTo(1);
        }
    }
    private static String status(TestApi api, String id) {
        try {
            return api.get("/v1/jobs/" + id).json().get("status").asString();
        } catch (RuntimeException e) {
            return "unknown";
        }
    }

    private int count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(postgres.getJdbcUrl("postgres", "postgres"));
             var rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
