package io.tunegate.dataset.translation;

import java.util.Locale;

/**
 * Which {@link TargetFormat} a provider trains on, by provider name (those of
 * {@code io.tunegate.provider.ProviderNames}, spelled out here so this module does not depend on the
 * provider module that will call it), base model and kind of dataset.
 *
 * <p>Where the reference documents no format for a combination (Vertex, Fireworks, Mistral or Bedrock with
 * preference data; a Bedrock model outside the Claude, Nova, Llama and Titan Text families) the answer is
 * {@link TargetChoice.None}, never a guess.
 */
public final class ProviderFormats {

    private ProviderFormats() {
    }

    public static TargetChoice choose(String provider, String baseModel, ExampleKind kind) {
        String model = baseModel == null ? "" : modelId(baseModel);
        return switch (provider == null ? "" : provider) {
            case "openai", "azure" -> openAi(model, kind, false);
            // The sandbox trains nothing: it gets the canonical format of each kind.
            case "sandbox" -> openAi(model, kind, true);
            case "anthropic" -> kind == ExampleKind.PREFERENCE ? noPreference("Claude on Bedrock")
                    : found(TargetFormat.BEDROCK_CLAUDE);
            case "bedrock" -> bedrock(model, kind);
            case "vertex" -> kind == ExampleKind.PREFERENCE ? noPreference("Vertex AI")
                    : found(TargetFormat.VERTEX_GEMINI);
            case "together" -> found(switch (kind) {
                case CHAT -> TargetFormat.TOGETHER_CHAT;
                case PREFERENCE -> TargetFormat.TOGETHER_PREFERENCE;
                case PROMPT_COMPLETION -> TargetFormat.TOGETHER_INSTRUCTION;
            });
            case "fireworks" -> kind == ExampleKind.PREFERENCE ? noPreference("Fireworks")
                    : found(TargetFormat.FIREWORKS_CHAT);
            case "mistral" -> kind == ExampleKind.PREFERENCE ? noPreference("Mistral")
                    : found(TargetFormat.MISTRAL_CHAT);
            default -> new TargetChoice.None("no dataset format is known for provider '" + provider + "'");
        };
    }

    private static TargetChoice openAi(String model, ExampleKind kind, boolean canonical) {
        boolean legacyCompletions = model.startsWith("babbage-002") || model.startsWith("davinci-002");
        if (legacyCompletions && kind == ExampleKind.PREFERENCE) {
            return new TargetChoice.None("preference (DPO) training needs a chat model, not " + model);
        }
        if (legacyCompletions || canonical && kind == ExampleKind.PROMPT_COMPLETION) {
            return found(TargetFormat.OPENAI_PROMPT_COMPLETION);
        }
        return found(kind == ExampleKind.PREFERENCE ? TargetFormat.OPENAI_PREFERENCE : TargetFormat.OPENAI_CHAT);
    }

    /**
     * Bedrock's format depends on the model family (reference §3.5). Llama 3.2 is listed as fine-tunable but
     * its format is not in the reference: it is given Llama 3.1's prompt/completion format (not verified).
     */
    private static TargetChoice bedrock(String model, ExampleKind kind) {
        if (kind == ExampleKind.PREFERENCE) {
            return noPreference("Bedrock");
        }
        if (model.contains("claude")) {
            return found(TargetFormat.BEDROCK_CLAUDE);
        }
        if (model.contains("nova")) {
            return found(TargetFormat.BEDROCK_NOVA_CONVERSE);
        }
        if (model.contains("llama") || model.contains("titan-text") || model.contains("titan-tg1")) {
            return found(TargetFormat.BEDROCK_PROMPT_COMPLETION);
        }
        return new TargetChoice.None(model.isEmpty() ? "Bedrock's format depends on the base model; none was given"
                : "no Bedrock training format is known for base model '" + model + "'");
    }

    /** Lower case, without an ARN's {@code arn:aws:bedrock:...:foundation-model/} prefix. */
    private static String modelId(String baseModel) {
        String model = baseModel.trim().toLowerCase(Locale.ROOT);
        return model.startsWith("arn:") ? model.substring(model.lastIndexOf('/') + 1) : model;
    }

    private static TargetChoice found(TargetFormat format) {
        return new TargetChoice.Found(format);
    }

    private static TargetChoice noPreference(String where) {
        return new TargetChoice.None("no preference (DPO) dataset format is documented for " + where);
    }
}
