package io.tunegate.dataset.analysis;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.tunegate.dataset.analysis.Jsonl.VALID_CHAT;
import static io.tunegate.dataset.analysis.Jsonl.analyze;
import static io.tunegate.dataset.analysis.Jsonl.issue;
import static io.tunegate.dataset.analysis.Jsonl.lines;
import static io.tunegate.dataset.analysis.Jsonl.msg;
import static org.assertj.core.api.Assertions.assertThat;

class FormatTest {

    static final String PREFERENCE = "{\"input\":{\"messages\":[" + msg("system", "S") + "," + msg("user", "Capital?")
            + "],\"tools\":[],\"parallel_tool_calls\":true},\"preferred_output\":[" + msg("assistant", "Paris")
            + "],\"non_preferred_output\":[" + msg("assistant", "Lyon") + "]}";
    static final String PROMPT_COMPLETION = "{\"prompt\":\"2+2=\",\"completion\":\" 4\"}";

    @Test
    void chat() {
        DatasetReport report = analyze(lines(VALID_CHAT, VALID_CHAT));

        assertThat(report.format()).isEqualTo("chat");
        assertThat(report.valid()).isTrue();
    }

    @Test
    void preference() {
        DatasetReport report = analyze(lines(PREFERENCE, PREFERENCE));

        assertThat(report.format()).isEqualTo("preference");
        assertThat(report.errors()).isEmpty();
        assertThat(report.warnings()).isEmpty();
        assertThat(report.valid()).isTrue();
    }

    @Test
    void invalidPreferences() {
        String noInput = "{\"preferred_output\":[" + msg("assistant", "a") + "],\"non_preferred_output\":["
                + msg("assistant", "b") + "]}";
        String userOutput = PREFERENCE.replace("\"preferred_output\":[{\"role\":\"assistant\"",
                "\"preferred_output\":[{\"role\":\"user\"");
        String emptyMessages = "{\"input\":{\"messages\":[]},\"preferred_output\":[" + msg("assistant", "a")
                + "],\"non_preferred_output\":[" + msg("assistant", "b") + "]}";
        String noRejected = "{\"input\":{\"messages\":[" + msg("user", "q") + "]},\"preferred_output\":["
                + msg("assistant", "a") + "]}";

        DatasetReport report = analyze(lines(PREFERENCE, noInput, userOutput, emptyMessages, noRejected));

        assertThat(userOutput).isNotEqualTo(PREFERENCE);
        assertThat(report.format()).isEqualTo("preference");
        assertThat(report.errors()).isEqualTo(Map.of("invalid_preference", issue(4, 2L, 3L, 4L, 5L)));
    }

    @Test
    void promptCompletion() {
        DatasetReport report = analyze(lines(PROMPT_COMPLETION, PROMPT_COMPLETION));

        assertThat(report.format()).isEqualTo("prompt_completion");
        assertThat(report.valid()).isTrue();
    }

    @Test
    void promptCompletionNeedsBoth() {
        DatasetReport report = analyze(lines(PROMPT_COMPLETION, "{\"prompt\":\"2+2=\"}",
                "{\"prompt\":\"x\",\"completion\":\"\"}", "{\"completion\":\" 4\"}", "{\"prompt\":1,\"completion\":\" 4\"}"));

        assertThat(report.format()).isEqualTo("prompt_completion");
        assertThat(report.errors()).isEqualTo(Map.of("missing_prompt_or_completion", issue(4, 2L, 3L, 4L, 5L)));
    }

    @Test
    void mixedFlagsTheMinorityLines() {
        DatasetReport report = analyze(lines(VALID_CHAT, PROMPT_COMPLETION, VALID_CHAT, PREFERENCE, VALID_CHAT));

        assertThat(report.format()).isEqualTo("mixed");
        assertThat(report.errors()).isEqualTo(Map.of("mixed_formats", issue(2, 2L, 4L)));
        assertThat(report.valid()).isFalse();
    }

    @Test
    void aTieBlamesTheFormatThatCameSecond() {
        DatasetReport report = analyze(lines(PROMPT_COMPLETION, VALID_CHAT, VALID_CHAT, PROMPT_COMPLETION));

        assertThat(report.errors()).isEqualTo(Map.of("mixed_formats", issue(2, 2L, 3L)));
    }

    @Test
    void unknownWhenNoLineHasAFormat() {
        DatasetReport report = analyze(lines("{oops", "[]"));

        assertThat(report.format()).isEqualTo("unknown");
        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).containsOnlyKeys("invalid_json", "not_an_object");
    }

    @Test
    void anEmptyFileIsInvalid() {
        DatasetReport report = analyze("");

        assertThat(report.valid()).isFalse();
        assertThat(report.errors()).containsOnlyKeys("empty_file");
        assertThat(report.format()).isEqualTo("unknown");
        assertThat(report.lines()).isZero();
        assertThat(report.examples()).isZero();
        assertThat(report.bytes()).isZero();
        assertThat(report.tokens().total()).isZero();
        assertThat(report.tokens().p95()).isZero();
    }

    @Test
    void aFileOfBlankLinesIsEmptyToo() {
        DatasetReport report = analyze("\n  \n\r\n");

        assertThat(report.errors()).containsOnlyKeys("empty_file");
        assertThat(report.warnings()).isEqualTo(Map.of("empty_line", issue(3, 1L, 2L, 3L)));
        assertThat(report.lines()).isEqualTo(3);
        assertThat(report.valid()).isFalse();
    }
}
