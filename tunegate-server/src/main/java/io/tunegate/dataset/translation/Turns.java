package io.tunegate.dataset.translation;

import io.tunegate.dataset.translation.Example.Message;

import java.util.List;

/**
 * Conversation rules shared by the targets other than OpenAI's own. None of them has per-turn weights
 * (verified for none), so:
 * <ul>
 *   <li>turns after the last trained assistant turn are dropped: a trailing {@code weight: 0} assistant turn
 *       (and the user or tool turns before it) trains nothing, so dropping them leaves exactly the same
 *       training signal;</li>
 *   <li>a {@code weight: 0} assistant turn <em>before</em> a trained one cannot be expressed (it would be
 *       trained on), so the line is reported as {@code weight_unsupported};</li>
 *   <li>an explicit {@code weight: 1} is the default and is simply not written.</li>
 * </ul>
 */
final class Turns {

    private Turns() {
    }

    /** The messages a weightless target gets, after the checks every such target makes. */
    static List<Message> forWeightlessTarget(Example.Chat chat, boolean toolsAllowed) {
        if (chat.usesFunctions()) {
            throw new Skip(SkipReasons.LEGACY_FUNCTION_CALLING);
        }
        if (!toolsAllowed && chat.usesTools()) {
            throw new Skip(SkipReasons.TOOLS_UNSUPPORTED);
        }
        if (chat.messages().stream().anyMatch(Message::hasOpenAiOnlyFields)) {
            throw new Skip(SkipReasons.UNSUPPORTED_MESSAGE_FIELD);
        }
        return throughLastTrainedTurn(chat.messages());
    }

    static List<Message> throughLastTrainedTurn(List<Message> messages) {
        int last = -1;
        for (int i = 0; i < messages.size(); i++) {
            if (messages.get(i).isAssistant() && messages.get(i).trained()) {
                last = i;
            }
        }
        if (last < 0) {
            throw new Skip(SkipReasons.NO_TRAINED_ASSISTANT_TURN);
        }
        for (int i = 0; i < last; i++) {
            if (messages.get(i).isAssistant() && !messages.get(i).trained()) {
                throw new Skip(SkipReasons.WEIGHT_UNSUPPORTED);
            }
        }
        return messages.subList(0, last + 1);
    }

    /** The system prompt and the turns after it, for targets with one top-level system prompt. */
    record Split(List<Message> system, List<Message> turns) {
    }

    static Split leadingSystem(List<Message> messages) {
        int first = 0;
        while (first < messages.size() && messages.get(first).isSystem()) {
            first++;
        }
        List<Message> turns = messages.subList(first, messages.size());
        if (turns.stream().anyMatch(Message::isSystem)) {
            throw new Skip(SkipReasons.SYSTEM_NOT_LEADING);
        }
        return new Split(messages.subList(0, first), turns);
    }

    /** user, assistant, user, ..., as Claude's Bedrock format and the Converse API require. */
    static void requireAlternating(List<Message> turns) {
        if (turns.isEmpty() || !turns.getFirst().isUser()) {
            throw new Skip(SkipReasons.FIRST_TURN_NOT_USER);
        }
        for (int i = 1; i < turns.size(); i++) {
            boolean expectUser = i % 2 == 0;
            if (turns.get(i).isUser() != expectUser || turns.get(i).isAssistant() == expectUser) {
                throw new Skip(SkipReasons.TURNS_NOT_ALTERNATING);
            }
        }
    }
}
