package io.tunegate.dataset.analysis;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenizerChoiceTest {

    @ParameterizedTest
    @CsvSource({
            "gpt-4o-mini-2024-07-18, o200k_base, true",
            "gpt-4o, o200k_base, true",
            "gpt-4.1-nano-2025-04-14, o200k_base, true",
            "o1, o200k_base, true",
            "o3-mini, o200k_base, true",
            "o4-mini-2025-04-16, o200k_base, true",
            "gpt-5-mini, o200k_base, true",
            "ft:gpt-4o-mini-2024-07-18:acme::AbC123, o200k_base, true",
            "openai/GPT-4.1, o200k_base, true",
            "gpt-4, cl100k_base, true",
            "gpt-4-0613, cl100k_base, true",
            "gpt-3.5-turbo-0125, cl100k_base, true",
            "ft:gpt-3.5-turbo-1106:acme::x1, cl100k_base, true",
            "davinci-002, cl100k_base, true",
            "meta-llama/Llama-3.1-8B-Instruct, o200k_base, false",
            "mistral-small-latest, o200k_base, false",
            "o100, o200k_base, false",
    })
    void picksTheEncodingTheModelUses(String model, String encoding, boolean exact) {
        assertThat(TokenizerChoice.forModel(model)).isEqualTo(new TokenizerChoice(encoding, exact));
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noModelIsAnApproximation(String model) {
        assertThat(TokenizerChoice.forModel(model)).isEqualTo(new TokenizerChoice("o200k_base", false));
    }

    @Test
    void rejectsAnEncodingJtokkitDoesNotHave() {
        assertThatThrownBy(() -> new TokenizerChoice("llama3", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void reportSaysWhenCountsAreApproximate() {
        var settings = new AnalyzerSettings(TokenizerChoice.forModel("llama-3"), 1 << 20, 1000, 16);
        var report = Jsonl.analyze(settings, Jsonl.lines(Jsonl.VALID_CHAT).getBytes());
        assertThat(report.tokens().exactness()).isEqualTo("approximate");
        assertThat(report.tokens().tokenizer()).isEqualTo("o200k_base");
        assertThat(Jsonl.analyze(Jsonl.lines(Jsonl.VALID_CHAT)).tokens().exactness()).isEqualTo("exact");
    }
}
