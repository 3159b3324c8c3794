package io.tunegate.dataset.translation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Golden files under {@code src/test/resources/translation/<case>/}, written by hand from the provider
 * reference: {@code input.jsonl} in the canonical format, {@code expected-<target>.jsonl} with what that
 * target must get, and {@code skipped-<target>.json} ({@code {"reason": [line, ...]}}) with the lines it must
 * report instead (no file: none). Lines are compared as JSON trees, in order.
 */
class GoldenTranslationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EXPECTED = "expected-";

    record Golden(String caseName, TargetFormat target, Path dir) {
        @Override
        public String toString() {
            return caseName + " -> " + target.id();
        }
    }

    static Stream<Golden> goldens() throws IOException {
        List<Golden> goldens = new ArrayList<>();
        try (Stream<Path> cases = Files.list(root())) {
            for (Path dir : cases.sorted().toList()) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path file : files.sorted().toList()) {
                        String name = file.getFileName().toString();
                        if (name.startsWith(EXPECTED) && name.endsWith(".jsonl")) {
                            String id = name.substring(EXPECTED.length(), name.length() - ".jsonl".length());
                            TargetFormat target = TargetFormat.fromId(id)
                                    .orElseThrow(() -> new AssertionError("no target format " + id + " (" + file + ")"));
                            goldens.add(new Golden(dir.getFileName().toString(), target, dir));
                        }
                    }
                }
            }
        }
        return goldens.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("goldens")
    void translatesAsTheGoldenFileSays(Golden golden) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TranslationReport report;
        try (InputStream in = Files.newInputStream(golden.dir().resolve("input.jsonl"))) {
            report = new FormatTranslator().translate(in, out, golden.target());
        }

        List<JsonNode> expected = jsonLines(Files.readString(golden.dir().resolve(EXPECTED + golden.target().id() + ".jsonl")));
        List<JsonNode> actual = jsonLines(out.toString(StandardCharsets.UTF_8));
        for (int i = 0; i < Math.min(expected.size(), actual.size()); i++) {
            assertThat(actual.get(i)).as("output line %d", i + 1).isEqualTo(expected.get(i));
        }
        assertThat(actual).as("output lines").hasSameSizeAs(expected);

        Map<String, List<Long>> skipped = new LinkedHashMap<>();
        report.skippedByReason().forEach((reason, s) -> {
            assertThat(s.count()).as("count of %s", reason).isEqualTo(s.lines().size());
            skipped.put(reason, s.lines());
        });
        assertThat(skipped).as("skipped lines by reason").isEqualTo(expectedSkips(golden));
        assertThat(report.format()).isEqualTo(golden.target().id());
        assertThat(report.written()).isEqualTo(expected.size());
        assertThat(report.written() + report.skipped()).isEqualTo(report.examples());
    }

    @Test
    void everyTargetHasGoldenFiles() throws IOException {
        Set<TargetFormat> covered = EnumSet.noneOf(TargetFormat.class);
        goldens().forEach(g -> covered.add(g.target()));
        assertThat(covered).containsExactlyInAnyOrder(TargetFormat.values());
    }

    @Test
    void everySkipFileBelongsToAnExpectedFile() throws IOException {
        try (Stream<Path> files = Files.walk(root())) {
            files.filter(f -> f.getFileName().toString().startsWith("skipped-")).forEach(f -> assertThat(
                    f.resolveSibling(f.getFileName().toString().replace("skipped-", EXPECTED).replace(".json", ".jsonl")))
                    .as("expected file next to " + f).exists());
        }
    }

    private static Map<String, List<Long>> expectedSkips(Golden golden) throws IOException {
        Path file = golden.dir().resolve("skipped-" + golden.target().id() + ".json");
        Map<String, List<Long>> skips = new LinkedHashMap<>();
        if (Files.exists(file)) {
            JsonNode tree = JSON.readTree(file.toFile());
            for (String reason : tree.propertyNames()) {
                List<Long> lines = new ArrayList<>();
                tree.get(reason).forEach(n -> lines.add(n.asLong()));
                skips.put(reason, lines);
            }
        }
        return skips;
    }

    private static List<JsonNode> jsonLines(String text) {
        return text.lines().filter(line -> !line.isBlank()).map(JSON::readTree).toList();
    }

    private static Path root() {
        try {
            return Path.of(Objects.requireNonNull(GoldenTranslationTest.class.getResource("/translation")).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
