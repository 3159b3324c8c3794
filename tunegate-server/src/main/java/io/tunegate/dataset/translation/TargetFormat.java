package io.tunegate.dataset.translation;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The JSONL formats Tunegate can write, by stable id. Each renderer's javadoc says exactly what it writes
 * and which lines it reports instead; {@link ProviderFormats} says which one a provider and model get.
 */
public enum TargetFormat {

    /** OpenAI and Azure OpenAI chat fine-tuning: the canonical chat format, written as read. */
    OPENAI_CHAT("openai-chat", new OpenAiChatRenderer()),
    /** OpenAI and Azure OpenAI DPO: {@code input}, {@code preferred_output}, {@code non_preferred_output}. */
    OPENAI_PREFERENCE("openai-preference", new PreferenceRenderer(true)),
    /** OpenAI's legacy completion models (babbage-002, davinci-002): {@code prompt}, {@code completion}. */
    OPENAI_PROMPT_COMPLETION("openai-prompt-completion", new PromptCompletionRenderer()),
    /** Claude 3 Haiku on Bedrock: {@code system}, alternating {@code messages} with string content. */
    BEDROCK_CLAUDE("bedrock-claude", new ClaudeRenderer()),
    /** Amazon Nova on Bedrock: the {@code bedrock-conversation-2024} Converse schema. */
    BEDROCK_NOVA_CONVERSE("bedrock-nova-converse", new NovaConverseRenderer()),
    /** Meta Llama and Amazon Titan Text on Bedrock: {@code prompt}, {@code completion}. */
    BEDROCK_PROMPT_COMPLETION("bedrock-prompt-completion", new PromptCompletionRenderer()),
    /** Gemini on Vertex AI: {@code systemInstruction}, {@code contents} of user/model parts. */
    VERTEX_GEMINI("vertex-gemini", new GeminiRenderer()),
    /** Together conversational data: {@code messages} with system/user/assistant roles. */
    TOGETHER_CHAT("together-chat", new MessagesRenderer(MessagesRenderer.Flavor.TOGETHER)),
    /** Together DPO: {@code input}, {@code preferred_output}, {@code non_preferred_output}. */
    TOGETHER_PREFERENCE("together-preference", new PreferenceRenderer(false)),
    /** Together instruction data: {@code prompt}, {@code completion}. */
    TOGETHER_INSTRUCTION("together-instruction", new PromptCompletionRenderer()),
    /** Fireworks chat datasets: {@code messages} with string content. */
    FIREWORKS_CHAT("fireworks-chat", new MessagesRenderer(MessagesRenderer.Flavor.FIREWORKS)),
    /** Mistral conversations: {@code messages}, with tools and tool calls. */
    MISTRAL_CHAT("mistral-chat", new MessagesRenderer(MessagesRenderer.Flavor.MISTRAL));

    private final String id;
    private final ExampleRenderer renderer;

    TargetFormat(String id, ExampleRenderer renderer) {
        this.id = id;
        this.renderer = renderer;
    }

    public String id() {
        return id;
    }

    ExampleRenderer renderer() {
        return renderer;
    }

    public static Optional<TargetFormat> fromId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /** Every id, comma-separated, for messages that list the choices. */
    public static String ids() {
        return Arrays.stream(values()).map(TargetFormat::id).collect(Collectors.joining(", "));
    }
}
