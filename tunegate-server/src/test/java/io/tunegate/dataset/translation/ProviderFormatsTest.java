package io.tunegate.dataset.translation;

import io.tunegate.provider.ProviderNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class ProviderFormatsTest {

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
            "openai,    gpt-4o-mini-2024-07-18,                     CHAT,              openai-chat",
            "openai,    gpt-4.1-2025-04-14,                         PREFERENCE,        openai-preference",
            "openai,    gpt-4o-mini-2024-07-18,                     PROMPT_COMPLETION, openai-chat",
            "openai,    davinci-002,                                CHAT,              openai-prompt-completion",
            "openai,    babbage-002,                                PROMPT_COMPLETION, openai-prompt-completion",
            "azure,     gpt-4o-mini-2024-07-18,                     CHAT,              openai-chat",
            "azure,     gpt-4o-mini-2024-07-18,                     PREFERENCE,        openai-preference",
            "sandbox,   meta-llama/Llama-3.1-8B-Instruct,           CHAT,              openai-chat",
            "sandbox,   meta-llama/Llama-3.1-8B-Instruct,           PREFERENCE,        openai-preference",
            "sandbox,   meta-llama/Llama-3.1-8B-Instruct,           PROMPT_COMPLETION, openai-prompt-completion",
            "anthropic, anthropic.claude-3-haiku-20240307-v1:0:200k, CHAT,             bedrock-claude",
            "anthropic, ,                                           PROMPT_COMPLETION, bedrock-claude",
            "bedrock,   anthropic.claude-3-haiku-20240307-v1:0:200k, CHAT,             bedrock-claude",
            "bedrock,   amazon.nova-micro-v1:0:128k,                CHAT,              bedrock-nova-converse",
            "bedrock,   amazon.nova-2-lite-v1:0:256k,               PROMPT_COMPLETION, bedrock-nova-converse",
            "bedrock,   meta.llama3-1-8b-instruct-v1:0:128k,        CHAT,              bedrock-prompt-completion",
            "bedrock,   meta.llama3-2-3b-instruct-v1:0:128k,        PROMPT_COMPLETION, bedrock-prompt-completion",
            "bedrock,   amazon.titan-text-express-v1,               PROMPT_COMPLETION, bedrock-prompt-completion",
            "bedrock,   arn:aws:bedrock:us-west-2::foundation-model/Meta.Llama3-1-70B-Instruct-v1:0:128k, CHAT, bedrock-prompt-completion",
            "vertex,    gemini-2.5-flash,                           CHAT,              vertex-gemini",
            "vertex,    gemini-2.5-flash-lite,                      PROMPT_COMPLETION, vertex-gemini",
            "together,  meta-llama/Llama-3.1-8B-Instruct,           CHAT,              together-chat",
            "together,  meta-llama/Llama-3.1-8B-Instruct,           PREFERENCE,        together-preference",
            "together,  meta-llama/Llama-3.1-8B-Instruct,           PROMPT_COMPLETION, together-instruction",
            "fireworks, accounts/fireworks/models/llama-v3p1-8b-instruct, CHAT,        fireworks-chat",
            "fireworks, accounts/fireworks/models/llama-v3p1-8b-instruct, PROMPT_COMPLETION, fireworks-chat",
            "mistral,   open-mistral-7b,                            CHAT,              mistral-chat",
            "mistral,   mistral-small-latest,                       PROMPT_COMPLETION, mistral-chat",
    })
    void choosesTheFormatTheProviderTrainsOn(String provider, String model, ExampleKind kind, String format) {
        assertThat(ProviderFormats.choose(provider, model, kind))
                .isEqualTo(new TargetChoice.Found(TargetFormat.fromId(format).orElseThrow()));
    }

    @ParameterizedTest(name = "{0} {1} {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "vertex    | gemini-2.5-flash                            | PREFERENCE | no preference (DPO) dataset format is documented for Vertex AI",
            "fireworks | llama-v3p1-8b-instruct                      | PREFERENCE | no preference (DPO) dataset format is documented for Fireworks",
            "mistral   | open-mistral-7b                             | PREFERENCE | no preference (DPO) dataset format is documented for Mistral",
            "anthropic | anthropic.claude-3-haiku-20240307-v1:0:200k | PREFERENCE | no preference (DPO) dataset format is documented for Claude on Bedrock",
            "bedrock   | amazon.nova-micro-v1:0:128k                 | PREFERENCE | no preference (DPO) dataset format is documented for Bedrock",
            "bedrock   | amazon.titan-image-generator-v2:0           | CHAT       | no Bedrock training format is known for base model 'amazon.titan-image-generator-v2:0'",
            "bedrock   |                                             | CHAT       | Bedrock's format depends on the base model; none was given",
            "openai    | babbage-002                                 | PREFERENCE | preference (DPO) training needs a chat model, not babbage-002",
            "cohere    | command-r                                   | CHAT       | no dataset format is known for provider 'cohere'",
    })
    void saysWhyWhenNoFormatIsKnown(String provider, String model, ExampleKind kind, String reason) {
        assertThat(ProviderFormats.choose(provider, model, kind)).isEqualTo(new TargetChoice.None(reason));
    }

    @Test
    void everyProviderNameHasAFormatForChat() {
        for (String provider : ProviderNames.KNOWN) {
            assertThat(ProviderFormats.choose(provider, "anthropic.claude-3-haiku-20240307-v1:0:200k", ExampleKind.CHAT))
                    .as(provider).isInstanceOf(TargetChoice.Found.class);
        }
    }

    @Test
    void kindsAreNamedAsTheValidationReportNamesFormats() {
        assertThat(ExampleKind.fromReportFormat("chat")).contains(ExampleKind.CHAT);
        assertThat(ExampleKind.fromReportFormat("preference")).contains(ExampleKind.PREFERENCE);
        assertThat(ExampleKind.fromReportFormat("prompt_completion")).contains(ExampleKind.PROMPT_COMPLETION);
        assertThat(ExampleKind.fromReportFormat("mixed")).isEmpty();
    }
}
