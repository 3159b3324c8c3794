package io.tunegate.dataset.translation;

import tools.jackson.databind.JsonNode;

/** A chat target: chat rows are rewritten, prompt/completion rows become one user and one assistant turn. */
abstract class ChatRenderer implements ExampleRenderer {

    @Override
    public final JsonNode render(Example example) {
        return switch (example) {
            case Example.Chat chat -> renderChat(chat);
            case Example.PromptCompletion row -> renderChat(Nodes.asChat(row));
            case Example.Preference ignored -> throw new Skip(SkipReasons.UNSUPPORTED_EXAMPLE_TYPE);
        };
    }

    abstract JsonNode renderChat(Example.Chat chat);
}
