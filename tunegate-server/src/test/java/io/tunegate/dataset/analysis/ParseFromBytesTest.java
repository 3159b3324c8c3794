package io.tunegate.dataset.analysis;

import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static io.tunegate.dataset.analysis.Jsonl.VALID_CHAT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Workers parse lines straight from their UTF-8 bytes; the verdicts must be those of parsing the decoded text,
 * which is what the analyzer did before. Checked on explicit edge cases and on many mutated lines.
 */
class ParseFromBytesTest {

    private static final String[] BASES = {
            VALID_CHAT,
            "{\"messages\":[{\"role\":\"user\",\"content\":\"Hï ünïcödé 日本 🚀\"},{\"role\":\"assistant\",\"content\":\"ok\"}]}",
            "{\"prompt\":\"p\",\"completion\":\"c\"}",
            "{\"messages\":[{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":\"{}\"}}]}]}",
            "[1, 2.5e3, -0, true, null]"};
    private static final String[] INSERTS = {"\uFEFF", "\\ud800", "\\udc00", "\\ud83d\\ude80", "\\u0041", "\\n", "\\\"", "\"",
            "{", "}", "[", "]", ",", ":", " ", "\t", "\r", "1e999", "01", "-", "nul", "true", "\u00A0", "\u2028", "é", "🚀",
            "日", "\\", "/*", "'"};

    private final List<String> disagreements = new ArrayList<>();

    @Test
    void edgeCasesGetTheVerdictOfTheText() {
        for (String line : List.of("\uFEFF" + VALID_CHAT, " \uFEFF" + VALID_CHAT, VALID_CHAT + "\uFEFF",
                "{\"comple\\ud800tion\":\"c\",\"prompt\":\"p\"}", "{\"a\":\"\\ud800\"}", "{\"a\":1e999}", "{\"a\":1}{}",
                "\"just a string\"", "{\"é\":\"日本\"}", "{\"a\":\"\u2028\"}")) {
            assertSameVerdict(line);
        }
    }

    @Test
    void mutatedLinesGetTheVerdictOfTheText() {
        Random random = new Random(11);
        int valid = 0;
        int invalid = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder line = new StringBuilder(BASES[random.nextInt(BASES.length)]);
            for (int m = random.nextInt(4); m > 0; m--) {
                int at = random.nextInt(line.length() + 1);
                switch (random.nextInt(3)) {
                    case 0 -> line.insert(at, INSERTS[random.nextInt(INSERTS.length)]);
                    case 1 -> line.delete(at, Math.min(line.length(), at + 1 + random.nextInt(3)));
                    default -> line.replace(at, Math.min(line.length(), at + 1), INSERTS[random.nextInt(INSERTS.length)]);
                }
            }
            if (assertSameVerdict(line.toString())) {
                valid++;
            } else {
                invalid++;
            }
        }
        assertThat(valid).isGreaterThan(3_000);
        assertThat(invalid).isGreaterThan(3_000);
    }

    /** @return whether the line is JSON */
    private boolean assertSameVerdict(String line) {
        // Lone surrogates cannot be UTF-8 (the reader reports those lines as invalid_utf8): encode what can be.
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        String text = new String(bytes, StandardCharsets.UTF_8);
        JsonNode expected;
        try {
            expected = ExampleChecker.JSON.readTree(text);
            expected = expected == null ? MissingNode.getInstance() : expected;
        } catch (JacksonException e) {
            expected = null;
        }
        JsonNode actual = ExampleChecker.parse(bytes, 0);
        boolean same = expected == null ? actual == null : expected.equals(actual);
        if (!same && disagreements.size() < 10) {
            disagreements.add(text + " -> text: " + expected + ", bytes: " + actual);
        }
        assertThat(disagreements).isEmpty();
        return expected != null;
    }

    @Test
    void aByteOrderMarkPastLineOneAndALoneSurrogateInANameKeepTheirVerdictsEndToEnd() {
        String file = "\uFEFF" + VALID_CHAT + "\n\uFEFF" + VALID_CHAT + "\n{\"comple\\ud800tion\":\"c\",\"prompt\":\"p\"}\n";

        DatasetReport report = Jsonl.analyze(file);

        // Line 3 is JSON (a prompt without its completion), though Jackson's byte parser alone refuses it.
        assertThat(report.errors())
                .containsEntry("invalid_json", Jsonl.issue(1, 2L))
                .containsEntry("missing_prompt_or_completion", Jsonl.issue(1, 3L))
                .containsEntry("unrecognized_key", Jsonl.issue(1, 3L));
        assertThat(report.examples()).isEqualTo(3);
    }
}
