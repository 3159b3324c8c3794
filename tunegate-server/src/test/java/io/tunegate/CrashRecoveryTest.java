package io.tunegate;

import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import io.tunegate.support.GatewayProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;

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

    private GatewayProcesses gateways;

    @BeforeEach
    void processes() {
        gateways = new GatewayProcesses(dataDir);
    }

    @AfterEach
    void stopAll() {
        gateways.close();
    }

    @Test
    void aKilledGatewayResumesItsJobsAfterRestart() throws Exception {
        int port = GatewayProcesses.freePort();
        Process first = gateways.start(port, Path.of("target", "crash-recovery-first.log"));
        GatewayProcesses.awaitReady(port);
        // the key is written once start-up has finished, which may be a moment after the port answers
        String key = gateways.bootstrapKey();
        TestApi api = TestApi.withKey(port, key);
        String id = api.submit(Jobs.request("survivor", "{\"duration_seconds\": 8, \"steps\": 8}"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/v1/jobs/" + id).json().get("status").asString().equals("running"));

        first.destroyForcibly().waitFor();
        long postmasterPid = Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).getFirst());
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive)).as("orphaned PostgreSQL").hasValue(true);

        int secondPort = GatewayProcesses.freePort();
        // the second instance is also given a key by configuration; the generated one must stay valid
        gateways.start(secondPort, Path.of("target", "crash-recovery-second.log"),
                "--tunegate.bootstrap.key=tg_configured_for_the_second_start");
        GatewayProcesses.awaitReady(secondPort);
        assertThat(Files.readString(Path.of("target", "crash-recovery-first.log"))).contains(key);
        assertThat(Files.readString(Path.of("target", "crash-recovery-second.log"))).doesNotContain(key);
        assertThat(TestApi.withKey(secondPort, "tg_configured_for_the_second_start").get("/v1/jobs").status())
                .isEqualTo(200);
        TestApi again = TestApi.withKey(secondPort, key);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                again.get("/v1/jobs/" + id).json().get("status").asString().equals("succeeded"));

        assertThat(again.get("/v1/jobs/" + id + "/metrics").json().get("data")).hasSize(8);
        int port2 = gateways.postgresPort();
        try (var c = DriverManager.getConnection("jdbc:postgresql://localhost:" + port2 + "/postgres?user=postgres");
             var rs = c.createStatement().executeQuery(
                     "select count(*) from sandbox_jobs where client_token = '" + id + "'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("provider jobs created").isEqualTo(1);
        }
        assertThat(ProcessHandle.of(postmasterPid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
}
