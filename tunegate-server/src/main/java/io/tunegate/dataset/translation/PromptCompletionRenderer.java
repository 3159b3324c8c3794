package io.tunegate.dataset.translation;

import io.tunegate.dataset.translation.Example.Message;
import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code {"prompt","completion"}} targets (OpenAI's legacy completion models, Llama and Titan Text on
 * Bedrock, Together's instruction format). A prompt/completion row is written as is (an empty prompt is
 * fine, an empty completion trains nothing and is reported). A chat line is rendered only when, after the
 * rules of {@link Turns}, it is one user turn and one assistant turn after optional system messages: the
 * prompt is the system texts and the user text joined by blank lines, the completion the assistant text. No
 * chat template is applied: the providers document none for this format.
 */
final class PromptCompletionRenderer implements ExampleRenderer {

    @Override
    public JsonNode render(Example example) {
        return switch (example) {
            case Example.PromptCompletion row -> row(row.prompt(), row.completion());
            case Example.Chat chat -> fromChat(chat);
            case Example.Preference ignored -> throw new Skip(SkipReasons.UNSUPPORTED_EXAMPLE_TYPE);
        };
    }

    private static JsonNode fromChat(Example.Chat chat) {
        Turns.Split split = Turns.leadingSystem(Turns.forWeightlessTarget(chat, false));
        List<Message> turns = split.turns();
        if (turns.size() != 2 || !turns.get(0).isUser() || !turns.get(1).isAssistant()) {
            throw new Skip(SkipReasons.NOT_SINGLE_TURN);
        }
        List<String> prompt = new ArrayList<>();
        split.system().forEach(m -> prompt.add(Texts.single(m.content())));
        prompt.add(Texts.single(turns.get(0).content()));
        return row(String.join("\n\n", prompt), Texts.single(turns.get(1).content()));
    }

    private static JsonNode row(String prompt, String completion) {
        if (completion.isEmpty()) {
            throw new Skip(SkipReasons.EMPTY_CONTENT);
        }
        return Nodes.object().put("prompt", prompt).put("completion", completion);
    }
}
