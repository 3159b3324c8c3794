package io.tunegate.platform.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A real PostgreSQL server run from the binaries zonky publishes on Maven Central, with its data kept
 * in a directory so that it survives restarts. Used on the embedded default and in tests.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresServer.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts PostgreSQL on the given data directory, creating the cluster on first use.
     * A server left running by a process that was killed (SIGKILL skips shutdown hooks) is stopped first,
     * so a crashed gateway restarts on its own data.
     */
    public static EmbeddedPostgresServer start(Path dataDirectory) {
        try {
            Files.createDirectories(dataDirectory);
            OrphanedPostmaster.stopIfRunning(dataDirectory);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    // the Spring context stops it in order, after the scheduler and the pool; a JVM hook would race them
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    // zonky's defaults are for throwaway test databases (no fsync, asynchronous commit);
                    // this one holds users' jobs, so a commit is durable before we answer
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .start();
            log.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(), dataDirectory);
            return new EmbeddedPostgresServer(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + dataDirectory, e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /** Reads postmaster.pid (first line: the pid) and stops that server if it still runs. */
    static final class OrphanedPostmaster {

        static void stopIfRunning(Path dataDirectory) throws IOException {
            Path pidFile = dataDirectory.resolve("postmaster.pid");
            if (!Files.exists(pidFile)) {
                return;
            }
            List<String> lines = Files.readAllLines(pidFile);
            if (lines.isEmpty()) {
                return;
            }
            long pid;
            try {
                pid = Long.parseLong(lines.getFirst().trim());
            } catch (NumberFormatException e) {
                return;
            }
            ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false))
                    .ifPresent(OrphanedPostmaster::stop);
        }

        private static void stop(ProcessHandle postmaster) {
            log.warn("Stopping PostgreSQL (pid {}) left running by a previous gateway process", postmaster.pid());
            // SIGTERM is PostgreSQL's "smart" shutdown; it finishes once the dead gateway's connections are gone.
            postmaster.destroy();
            Instant deadline = Instant.now().plusSeconds(30);
            while (postmaster.isAlive() && Instant.now().isBefore(deadline)) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            if (postmaster.isAlive()) {
                postmaster.destroyForcibly();
            }
        }
    }
}
