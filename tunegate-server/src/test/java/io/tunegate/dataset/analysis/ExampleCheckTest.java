package io.tunegate.dataset.analysis;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static io.tunegate.dataset.analysis.Jsonl.VALID_CHAT;
import static io.tunegate.dataset.analysis.Jsonl.analyze;
import static io.tunegate.dataset.analysis.Jsonl.chat;
import static io.tunegate.dataset.analysis.Jsonl.issue;
import static io.tunegate.dataset.analysis.Jsonl.lines;
import static io.tunegate.dataset.analysis.Jsonl.msg;
import static org.assertj.core.api.Assertions.assertThat;

/** Each content error, found on the right line of an otherwise valid chat file. */
class ExampleCheckTest {

    static Stream<Arguments> badChatLines() {
        String user = msg("user", "Hi");
        String assistant = msg("assistant", "Hello");
        return Stream.of(
                Arguments.of("invalid_json", "{\"messages\": ["),
                Arguments.of("invalid_json", "{\"messages\":[]} {}"),
                Arguments.of("invalid_json", "{'messages': []}"),
                Arguments.of("not_an_object", "[" + VALID_CHAT + "]"),
                Arguments.of("not_an_object", "\"text\""),
                Arguments.of("not_an_object", "42"),
                Arguments.of("not_an_object", "null"),
                Arguments.of("missing_messages", "{\"messages\":[]}"),
                Arguments.of("missing_messages", "{\"messages\":\"Hi\"}"),
                Arguments.of("missing_messages", "{\"conversation\":[" + user + "]}"),
                Arguments.of("message_missing_key", chat("{\"content\":\"Hi\"}", assistant)),
                Arguments.of("message_missing_key", chat(user, "{\"role\":\"assistant\"}")),
                Arguments.of("message_missing_key", chat("\"Hi\"", assistant)),
                Arguments.of("unrecognized_key", chat("{\"role\":\"user\",\"content\":\"Hi\",\"mood\":\"happy\"}", assistant)),
                Arguments.of("unrecognized_key", "{\"messages\":[" + user + "," + assistant + "],\"metadata\":{}}"),
                Arguments.of("unrecognized_role", chat(msg("customer", "Hi"), assistant)),
                Arguments.of("unrecognized_role", chat("{\"role\":7,\"content\":\"Hi\"}", assistant)),
                Arguments.of("missing_content", chat(msg("user", ""), assistant)),
                Arguments.of("missing_content", chat("{\"role\":\"user\",\"content\":null}", assistant)),
                Arguments.of("missing_content", chat("{\"role\":\"user\",\"content\":42}", assistant)),
                Arguments.of("missing_content", chat("{\"role\":\"user\",\"content\":[]}", assistant)),
                Arguments.of("missing_content", chat("{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}", assistant)),
                Arguments.of("missing_content", chat(user, "{\"role\":\"assistant\",\"content\":null}")),
                Arguments.of("no_assistant_message", chat(msg("system", "S"), user)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("badChatLines")
    void reportsTheErrorOnItsLine(String kind, String badLine) {
        DatasetReport report = analyze(lines(VALID_CHAT, badLine, VALID_CHAT));

        assertThat(report.errors()).isEqualTo(Map.of(kind, issue(1, 2L)));
        assertThat(report.valid()).isFalse();
        assertThat(report.examples()).isEqualTo(3);
        assertThat(report.format()).isEqualTo("chat");
    }

    @Test
    void aValidFileHasNoErrorsOrWarnings() {
        DatasetReport report = analyze(lines(VALID_CHAT, VALID_CHAT));

        assertThat(report.valid()).isTrue();
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.lines()).isEqualTo(2);
        assertThat(report.examples()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // a tool call needs no content, absent, null or empty
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"},{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c1\","
                    + "\"type\":\"function\",\"function\":{\"name\":\"weather\",\"arguments\":\"{}\"}}]},"
                    + "{\"role\":\"tool\",\"tool_call_id\":\"c1\",\"content\":\"Sunny\"},{\"role\":\"assistant\",\"content\":\"Sunny.\"}],"
                    + "\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"weather\"}}],\"parallel_tool_calls\":false}",
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Weather?\"},{\"role\":\"assistant\",\"content\":null,"
                    + "\"function_call\":{\"name\":\"weather\",\"arguments\":\"{}\"}}],\"functions\":[{\"name\":\"weather\"}]}",
            // weights, names, content parts, and developer as the system role
            "{\"messages\":[{\"role\":\"developer\",\"content\":\"Be brief.\"},{\"role\":\"user\",\"name\":\"ann\","
                    + "\"content\":[{\"type\":\"text\",\"text\":\"Hi\"}]},{\"role\":\"assistant\",\"content\":\"Hey\",\"weight\":0}]}",
    })
    void acceptsWhatOpenAiAccepts(String example) {
        DatasetReport report = analyze(lines(example));

        assertThat(report.errors()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void oneLineCountsOncePerKindHoweverManyMessagesHaveIt() {
        String twiceBad = chat(msg("user", ""), msg("user", ""), msg("assistant", "Hello"));

        assertThat(analyze(lines(twiceBad)).errors()).isEqualTo(Map.of("missing_content", issue(1, 1L)));
    }

    @Test
    void oneLineCanHaveSeveralKinds() {
        String line = chat(msg("robot", ""));

        assertThat(analyze(lines(line)).errors())
                .containsOnlyKeys("unrecognized_role", "missing_content", "no_assistant_message");
    }

    @Test
    void keepsTheFirstTwentyLinesOfTwentyFiveAndCountsAll() {
        List<String> file = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            file.add(VALID_CHAT);
            file.add("{broken");
        }
        DatasetReport report = analyze(lines(file.toArray(String[]::new)));

        DatasetReport.Issue invalid = report.errors().get("invalid_json");
        assertThat(invalid.count()).isEqualTo(25);
        assertThat(invalid.lines()).containsExactly(
                2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L, 20L, 22L, 24L, 26L, 28L, 30L, 32L, 34L, 36L, 38L, 40L);
    }

    @Test
    void warningsDoNotInvalidate() {
        String noSystem = chat(msg("user", "Hi"), msg("assistant", "Hello"));
        String noUser = chat(msg("system", "S"), msg("assistant", "Hello"));
        DatasetReport report = analyze(lines(VALID_CHAT, noSystem, "", noUser, "   "));

        assertThat(report.valid()).isTrue();
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEqualTo(Map.of(
                "no_system_message", issue(1, 2L),
                "no_user_message", issue(1, 4L),
                "empty_line", issue(2, 3L, 5L)));
        assertThat(report.lines()).isEqualTo(5);
        assertThat(report.examples()).isEqualTo(3);
    }

    @Test
    void examplesOverTheLimitAreWarnedAboutAndBilledAtTheLimit() {
        // VALID_CHAT is 3 + (3+1+3) + (3+1+1) + (3+1+1) = 20 tokens; a longer one goes over 25.
        String longer = chat(msg("system", "Be brief."), msg("user", "Tell me about the weather in Paris today"),
                msg("assistant", "It is sunny"));
        var settings = new AnalyzerSettings(TokenizerChoice.forModel("gpt-4o"), 1 << 20, 25, 512);
        DatasetReport report = Jsonl.analyze(settings, lines(VALID_CHAT, longer).getBytes());

        assertThat(report.tokens().min()).isEqualTo(20);
        assertThat(report.tokens().max()).isGreaterThan(25);
        assertThat(report.warnings()).isEqualTo(Map.of("over_token_limit", issue(1, 2L)));
        assertThat(report.tokens().overLimit()).isEqualTo(1);
        assertThat(report.tokens().limitPerExample()).isEqualTo(25);
        assertThat(report.tokens().billablePerEpoch()).isEqualTo(20 + 25);
        assertThat(report.valid()).isTrue();
    }
}
