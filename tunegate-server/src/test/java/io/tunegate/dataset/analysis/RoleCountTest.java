package io.tunegate.dataset.analysis;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.tunegate.dataset.analysis.Jsonl.VALID_CHAT;
import static io.tunegate.dataset.analysis.Jsonl.chat;
import static io.tunegate.dataset.analysis.Jsonl.lines;
import static io.tunegate.dataset.analysis.Jsonl.msg;
import static org.assertj.core.api.Assertions.assertThat;

/** The report counts messages per role, so provider checks can tell which roles a file needs. */
class RoleCountTest {

    private static final String TOOL_CALL = """
            {"messages":[{"role":"developer","content":"Use tools."},{"role":"user","content":"Weather?"},\
            {"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"w","arguments":"{}"}}]},\
            {"role":"tool","tool_call_id":"c1","content":"20C"},{"role":"assistant","content":"20C."}]}""";

    @Test
    void countsEveryMessageByRoleAcrossLinesAndBatches() {
        String file = lines(VALID_CHAT, TOOL_CALL, chat(msg("user", "a"), msg("assistant", "b"), msg("user", "c"),
                msg("assistant", "d")), VALID_CHAT);
        // one line per batch: counts must add up across batches merged from different workers
        var settings = new AnalyzerSettings(TokenizerChoice.forModel("gpt-4o"), 1 << 20, 65_536, 1);

        DatasetReport report = Jsonl.analyze(settings, file.getBytes(StandardCharsets.UTF_8));

        assertThat(report.valid()).as(report.errors().toString()).isTrue();
        assertThat(report.roles()).containsExactly(Map.entry("assistant", 6L), Map.entry("developer", 1L),
                Map.entry("system", 2L), Map.entry("tool", 1L), Map.entry("user", 5L));
        assertThat(Jsonl.analyze(file).roles()).isEqualTo(report.roles());
    }

    @Test
    void unrecognizedRolesAreErrorsNotCounts() {
        DatasetReport report = Jsonl.analyze(lines(chat(msg("user", "Hi"), msg("bot", "Hello"), msg("assistant", "x")),
                "{\"messages\":[{\"role\":7,\"content\":\"x\"},{\"role\":\"assistant\",\"content\":\"y\"}]}"));

        assertThat(report.errors()).containsKey("unrecognized_role");
        assertThat(report.roles()).containsExactly(Map.entry("assistant", 2L), Map.entry("user", 1L));
    }

    @Test
    void preferenceRowsCountInputAndBothOutputsAndPromptCompletionRowsNone() {
        String preference = "{\"input\":{\"messages\":[" + msg("system", "s") + "," + msg("user", "q") + "]},"
                + "\"preferred_output\":[" + msg("assistant", "good") + "],"
                + "\"non_preferred_output\":[" + msg("assistant", "bad") + "]}";

        assertThat(Jsonl.analyze(lines(preference, preference)).roles())
                .containsExactly(Map.entry("assistant", 4L), Map.entry("system", 2L), Map.entry("user", 2L));
        assertThat(Jsonl.analyze(lines("{\"prompt\":\"a\",\"completion\":\"b\"}")).roles()).isEmpty();
    }

    @Test
    void rolesAreInTheJsonAndReportsStoredWithoutThemStillRead() {
        JsonMapper appJson = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        DatasetReport report = Jsonl.analyze(lines(VALID_CHAT));

        var tree = appJson.valueToTree(report);
        assertThat(tree.get("roles").get("user").asLong()).isEqualTo(1);

        ((tools.jackson.databind.node.ObjectNode) tree).remove("roles");
        ((tools.jackson.databind.node.ObjectNode) tree.get("tokens")).remove("over_by_limit");
        DatasetReport older = appJson.treeToValue(tree, DatasetReport.class);
        assertThat(older.roles()).isEmpty();
        assertThat(older.tokens().overByLimit()).isEmpty();
    }
}
