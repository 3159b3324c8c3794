package io.tunegate;

import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway as a real process, killed with SIGKILL while a job runs (which also leaves its embedded
 * PostgreSQL running, orphaned), then started again on the same data directory: the job is taken over and
 * finishes, with exactly one provider job.
 */
class CrashRecoveryTest {

    @TempDir
    Path dataDir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void stopAll() {
        processes.forEach(p -> p.destroy());
        processes.forEach(p -> {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private Process startGateway(int port, Path log, String... extraArgs) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                TunegateApplication.class.getName(),
                "--server.port=" + port,
                "--tunegate.data-dir=" + dataDir,
                "--tunegate.scheduler.heartbeat-interval=1s",
                "--tunegate.scheduler.missed-heartbeats-limit=4",
                "--tunegate.scheduler.polling-interval=200ms",
                "--tunegate.providers.sandbox.poll-interval=200ms")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.command().addAll(List.of(extraArgs));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitReady(int port) {
        TestApi anonymous = TestApi.withKey(port, null);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> anonymous.get("/").status() == 200);
    }

    @Test
    void aKilledGatewayResumesItsJobsAfterRestart() throws Exception {
        int port = freePort();
        Process first = startGateway(port, Path.of("target", "crash-recovery-first.log"));
        awaitReady(port);
        // the key is written once start-up has finished, which may be a moment after the port answers
        Path keyFile = dataDir.resolve("bootstrap-api-key");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(keyFile) && Files.size(keyFile) > 0);
        String key = Files.readString(keyFile).trim();
        TestApi api = TestApi.withKey(port, key);
        String id = api.submit(Jobs.request("survivor", "{\"duration_seconds\": 8, \"steps\": 8}"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/v1/jobs/" + id).json().get("status").asString().equals("running"));

        first.destroyForcibly().waitFor();
        long postmasterPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst());
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).as("orphaned PostgreSQL").hasValue(true);

        int secondPort = freePort();
        // the second instance is also given a key by configuration; the generated one must stay valid
        startGateway(secondPort, Path.of("target", "crash-recovery-second.log"),
                "--tunegate.bootstrap.key=tg_configured_for_the_second_start");
        awaitReady(secondPort);
        assertThat(Files.readString(Path.of("target", "crash-recovery-first.log"))).contains(key);
        assertThat(Files.readString(Path.of("target", "crash-recovery-second.log"))).doesNotContain(key);
        assertThat(TestApi.withKey(secondPort, "tg_configured_for_the_second_start").get("/v1/jobs").status())
                .isEqualTo(200);
        TestApi again = TestApi.withKey(secondPort, key);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                again.get("/v1/jobs/" + id).json().get("status").asString().equals("succeeded"));

        assertThat(again.get("/v1/jobs/" + id + "/metrics").json().get("data")).hasSize(8);
        int port2 = Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port2 + "/postgres?user=postgres");
             var rs = c.createStatement().executeQuery(
                     "select count(*) from sandbox_jobs where client_token = '" + id + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("provider jobs created").isEqualTo(1);
        }
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}
