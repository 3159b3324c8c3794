package io.tunegate.dataset.translation;

import io.tunegate.dataset.translation.Example.Message;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Preference (DPO) targets; other rows are reported as {@code unsupported_example_type}.
 * <ul>
 *   <li>{@code openai-preference}: written as read, except that the older spellings
 *       {@code preferred_completion}/{@code non_preferred_completion} are written as the current
 *       {@code preferred_output}/{@code non_preferred_output}.</li>
 *   <li>{@code together-preference} (reference §5.6): the same three keys; messages as for Together chat
 *       ({@link MessagesRenderer}): no tools, no names or refusals, {@code developer} as {@code system}.
 *       {@code weight} is not written: DPO trains on the outputs, so a weight in the input means nothing.</li>
 * </ul>
 */
final class PreferenceRenderer implements ExampleRenderer {

    private final boolean openAi;

    PreferenceRenderer(boolean openAi) {
        this.openAi = openAi;
    }

    @Override
    public JsonNode render(Example example) {
        if (!(example instanceof Example.Preference row)) {
            throw new Skip(SkipReasons.UNSUPPORTED_EXAMPLE_TYPE);
        }
        return openAi ? openAi(row) : together(row);
    }

    private static JsonNode openAi(Example.Preference row) {
        if (row.node().has("preferred_output") && row.node().has("non_preferred_output")) {
            return row.node();
        }
        ObjectNode out = Nodes.object();
        out.set("input", row.input().node());
        out.set("preferred_output", outputs(row, "preferred_output", "preferred_completion"));
        out.set("non_preferred_output", outputs(row, "non_preferred_output", "non_preferred_completion"));
        return out;
    }

    private static JsonNode outputs(Example.Preference row, String name, String olderName) {
        return row.node().has(name) ? row.node().get(name) : row.node().get(olderName);
    }

    private static JsonNode together(Example.Preference row) {
        Example.Chat input = row.input();
        List<Message> outputs = new ArrayList<>(row.preferred());
        outputs.addAll(row.nonPreferred());
        if (input.usesFunctions() || outputs.stream().anyMatch(Message::usesFunctions)) {
            throw new Skip(SkipReasons.LEGACY_FUNCTION_CALLING);
        }
        if (input.usesTools() || outputs.stream().anyMatch(Message::usesTools)) {
            throw new Skip(SkipReasons.TOOLS_UNSUPPORTED);
        }
        if (input.messages().stream().anyMatch(Message::hasOpenAiOnlyFields)
                || outputs.stream().anyMatch(Message::hasOpenAiOnlyFields)) {
            throw new Skip(SkipReasons.UNSUPPORTED_MESSAGE_FIELD);
        }
        ObjectNode out = Nodes.object();
        messages(input.messages(), out.putObject("input").putArray("messages"));
        messages(row.preferred(), out.putArray("preferred_output"));
        messages(row.nonPreferred(), out.putArray("non_preferred_output"));
        return out;
    }

    private static void messages(List<Message> messages, ArrayNode out) {
        for (Message message : messages) {
            out.add(MessagesRenderer.message(message, MessagesRenderer.Flavor.TOGETHER));
        }
    }
}
