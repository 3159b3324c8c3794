package io.tunegate.dataset.translation;

import tools.jackson.databind.JsonNode;

/**
 * {@code openai-chat}: the canonical format is OpenAI's, so a chat line is written as it was read (weights,
 * tools, names, developer messages and all). Prompt/completion rows become a user and an assistant turn.
 */
final class OpenAiChatRenderer extends ChatRenderer {

    @Override
    JsonNode renderChat(Example.Chat chat) {
        return chat.node();
    }
}
