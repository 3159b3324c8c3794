package io.tunegate.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tunegate.security.Projects;
import io.tunegate.support.GatewayTest;
import io.tunegate.support.TestApi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/tunegate} as a separate process, running the shaded jar the build made, against the whole gateway.
 * The jar exists when the reactor has packaged tunegate-cli before these tests ({@code ./mvnw verify} from the
 * root); a run of the server's tests alone skips this class.
 */
@GatewayTest
class CliScriptTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SCRIPT = ROOT.resolve("bin/tunegate");

    @LocalServerPort
    int port;
    @Autowired
    Projects projects;

    @TempDir
    Path dir;

    private String key;

    record Result(int exitCode, String out, String err) {
    }

    @BeforeEach
    void needsTheJar() throws IOException {
        try (Stream<Path> jars = Files.list(ROOT.resolve("tunegate-cli/target"))) {
            assumeTrue(jars.anyMatch(p -> p.getFileName().toString().matches("tunegate-cli-.*-all\\.jar")),
                    "tunegate-cli-*-all.jar is not built: run ./mvnw verify from the root");
        } catch (java.nio.file.NoSuchFileException e) {
            assumeTrue(false, "tunegate-cli is not built");
        }
        key = projects.issueKey(projects.create("cli-script-" + UUID.randomUUID()), "cli").key();
    }

    private Result tunegate(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out").toFile())
                .redirectError(dir.resolve("err").toFile());
        Map<String, String> env = builder.environment();
        env.put("TUNEGATE_URL", "http://localhost:" + port);
        env.put("TUNEGATE_API_KEY", key);
        // the JDK running these tests is a Java 21+: the script takes JAVA_HOME first
        env.put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("tunegate " + String.join(" ", args) + " did not end within 60 s");
        }
        return new Result(process.exitValue(), Files.readString(dir.resolve("out"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("err"), StandardCharsets.UTF_8));
    }

    @Test
    void theScriptUploadsSubmitsAndWatchesAJobToItsEnd() throws Exception {
        Path data = Files.writeString(dir.resolve("train.jsonl"), TestApi.SAMPLE_DATASET);

        Result upload = tunegate("--json", "datasets", "upload", data.toString());
        assertThat(upload.exitCode()).as(upload.err()).isZero();
        String dataset = JsonMapper.builder().build().readTree(upload.out()).get("id").asString();

        Path job = Files.writeString(dir.resolve("job.json"), """
                {"job_name": "script-bot", "base_model": "gpt-4o-mini", "training_data": "%s",
                 "hyperparameters": {"n_epochs": 3}, "provider": "sandbox"}""".formatted(dataset));
        Result watched = tunegate("submit", "--watch", job.toString());

        assertThat(watched.exitCode()).as(watched.err()).isZero();
        assertThat(watched.out()).contains("succeeded", "model           sandbox:gpt-4o-mini:");
        assertThat(watched.err()).contains("Submitted job", "succeeded   [##############################] 100%");

        Result usage = tunegate("watch");
        assertThat(usage.exitCode()).isEqualTo(2);
        assertThat(usage.err()).contains("Missing required parameter: 'ID'");
    }
}
