package io.tunegate.support;

import io.tunegate.TunegateApplication;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.awaitility.Awaitility.await;

/**
 * Gateways as real processes on one data directory, for tests that kill them with SIGKILL and start them
 * again. Close it (after each test) to stop whatever is still running.
 */
public final class GatewayProcesses implements AutoCloseable {

    private final Path dataDir;
    private final List<Process> processes = new ArrayList<>();
    private String heartbeatInterval = "1s";
    private int missedHeartbeatsLimit = 4;

    public GatewayProcesses(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** The lease (heartbeat interval x missed heartbeats) of the processes started from now on; 4 s unless set. */
    public GatewayProcesses lease(String heartbeatInterval, int missedHeartbeatsLimit) {
        this.heartbeatInterval = heartbeatInterval;
        this.missedHeartbeatsLimit = missedHeartbeatsLimit;
        return this;
    }

    /** Starts a gateway with fast scheduling and lease settings, logging to {@code log}. */
    public Process start(int port, Path log, String... extraArgs) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx384m", "-cp", System.getProperty("java.class.path"),
                TunegateApplication.class.getName(),
                "--server.port=" + port,
                "--tunegate.data-dir=" + dataDir,
                "--tunegate.scheduler.heartbeat-interval=" + heartbeatInterval,
                "--tunegate.scheduler.missed-heartbeats-limit=" + missedHeartbeatsLimit,
                "--tunegate.scheduler.polling-interval=200ms",
                "--tunegate.providers.sandbox.poll-interval=200ms")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.command().addAll(List.of(extraArgs));
        Process process = builder.start();
        processes.add(process);
        return process;
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public static void awaitReady(int port) {
        // readiness, not just an open port: it turns UP after the application runners (the bootstrap key among
        // them) have run, which can be after the port first answers
        TestApi anonymous = TestApi.withKey(port, null);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> anonymous.get("/actuator/health/readiness").status() == 200);
    }

    /** The default project's key, written once the first start-up has finished. */
    public String bootstrapKey() throws IOException {
        Path keyFile = dataDir.resolve("bootstrap-api-key");
        await().atMost(Duration.ofSeconds(60)).until(() -> Files.exists(keyFile) && Files.size(keyFile) > 0);
        return Files.readString(keyFile).trim();
    }

    /** The port of the embedded PostgreSQL the processes share. */
    public int postgresPort() throws IOException {
        return Integer.parseInt(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(3).trim());
    }

    @Override
    public void close() {
        processes.forEach(Process::destroy);
        processes.forEach(p -> {
            try {
                p.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
