package io.tunegate.dataset.analysis;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.tunegate.dataset.analysis.Jsonl.chat;
import static io.tunegate.dataset.analysis.Jsonl.lines;
import static io.tunegate.dataset.analysis.Jsonl.msg;
import static org.assertj.core.api.Assertions.assertThat;

/** Golden counts, computed here straight from jtokkit with the cookbook's formula. */
class TokenCountTest {

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final Encoding O200K = REGISTRY.getEncoding(EncodingType.O200K_BASE);
    private static final Encoding CL100K = REGISTRY.getEncoding(EncodingType.CL100K_BASE);

    private static int n(Encoding encoding, String text) {
        return encoding.encodeOrdinary(text).size();
    }

    @Test
    void chatExampleCountsAsTheCookbookDoes() {
        String example = chat(msg("system", "You are helpful."), msg("user", "Hi"), msg("assistant", "Hello!"));
        int expected = 3
                + 3 + n(O200K, "system") + n(O200K, "You are helpful.")
                + 3 + n(O200K, "user") + n(O200K, "Hi")
                + 3 + n(O200K, "assistant") + n(O200K, "Hello!");

        DatasetReport.TokenStats tokens = Jsonl.analyze(lines(example)).tokens();

        assertThat(expected).isEqualTo(22); // pins the vocabulary too: 3 + (3+1+4) + (3+1+1) + (3+1+2)
        assertThat(tokens.total()).isEqualTo(expected);
        assertThat(tokens.min()).isEqualTo(expected);
        assertThat(tokens.max()).isEqualTo(expected);
        assertThat(tokens.p50()).isEqualTo(expected);
        assertThat(tokens.billablePerEpoch()).isEqualTo(expected);
    }

    @Test
    void aNameCostsOneTokenMoreThanItsText() {
        String example = chat("{\"role\":\"user\",\"name\":\"alice_smith\",\"content\":\"Hi\"}", msg("assistant", "Hey"));
        int expected = 3
                + 3 + n(O200K, "user") + n(O200K, "Hi") + n(O200K, "alice_smith") + 1
                + 3 + n(O200K, "assistant") + n(O200K, "Hey");

        assertThat(Jsonl.analyze(lines(example)).tokens().total()).isEqualTo(expected);
    }

    @Test
    void contentPartsCountTheirText() {
        String example = chat("{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"Look at\"},"
                        + "{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://example.com/a.png\"}},"
                        + "{\"type\":\"text\",\"text\":\" this\"}]}",
                msg("assistant", "Nice"));
        int expected = 3
                + 3 + n(O200K, "user") + n(O200K, "Look at") + n(O200K, " this")
                + 3 + n(O200K, "assistant") + n(O200K, "Nice");

        assertThat(Jsonl.analyze(lines(example)).tokens().total()).isEqualTo(expected);
    }

    @Test
    void gpt4CountsWithCl100kAndGpt4oWithO200k() {
        String text = "नमस्ते दुनिया, Привет, как дела?";
        assertThat(n(CL100K, text)).isNotEqualTo(n(O200K, text)); // otherwise this test could not tell them apart
        byte[] file = lines("{\"prompt\":\"\",\"completion\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8);

        var gpt4 = new AnalyzerSettings(TokenizerChoice.forModel("gpt-4-0613"), 1 << 20, 65_536, 512);
        var gpt4o = new AnalyzerSettings(TokenizerChoice.forModel("gpt-4o-2024-08-06"), 1 << 20, 65_536, 512);

        assertThat(Jsonl.analyze(gpt4, file).tokens().total()).isEqualTo(n(CL100K, text));
        assertThat(Jsonl.analyze(gpt4, file).tokens().tokenizer()).isEqualTo("cl100k_base");
        assertThat(Jsonl.analyze(gpt4o, file).tokens().total()).isEqualTo(n(O200K, text));
        assertThat(Jsonl.analyze(gpt4o, file).tokens().tokenizer()).isEqualTo("o200k_base");
    }

    @Test
    void preferenceCountsInputAndPreferredOutputOnly() {
        String example = "{\"input\":{\"messages\":[" + msg("user", "Capital of France?") + "]},"
                + "\"preferred_output\":[" + msg("assistant", "Paris.") + "],"
                + "\"non_preferred_output\":[" + msg("assistant", "I think it might be Lyon, or maybe Nice.") + "]}";
        int expected = 3
                + 3 + n(O200K, "user") + n(O200K, "Capital of France?")
                + 3 + n(O200K, "assistant") + n(O200K, "Paris.");

        assertThat(Jsonl.analyze(lines(example)).tokens().total()).isEqualTo(expected);
    }

    @Test
    void promptCompletionIsPromptPlusCompletion() {
        String example = "{\"prompt\":\"Translate: cat ->\",\"completion\":\" chat\"}";
        int expected = n(O200K, "Translate: cat ->") + n(O200K, " chat");

        assertThat(Jsonl.analyze(lines(example)).tokens().total()).isEqualTo(expected);
    }

    @Test
    void specialTokenTextIsOrdinaryText() {
        String example = chat(msg("user", "<|endoftext|>"), msg("assistant", "ok"));
        int expected = 3 + 3 + n(O200K, "user") + n(O200K, "<|endoftext|>") + 3 + n(O200K, "assistant") + n(O200K, "ok");

        DatasetReport report = Jsonl.analyze(lines(example));

        assertThat(report.errors()).isEmpty();
        assertThat(report.tokens().total()).isEqualTo(expected);
    }
}
