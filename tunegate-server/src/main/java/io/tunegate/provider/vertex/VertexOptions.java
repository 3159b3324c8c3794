package io.tunegate.provider.vertex;

import io.tunegate.provider.options.OptionReader;

import java.util.Map;
import java.util.Set;

/**
 * A job's {@code provider_options.vertex}: {@code adapter_size} (the LoRA-rank equivalent, {@code ADAPTER_SIZE_*}),
 * {@code export_last_checkpoint_only}, and {@code tuned_model_display_name} (defaults to the job name).
 */
record VertexOptions(String adapterSize, Boolean exportLastCheckpointOnly, String tunedModelDisplayName) {

    static final Set<String> ADAPTER_SIZES = Set.of("ADAPTER_SIZE_ONE", "ADAPTER_SIZE_TWO", "ADAPTER_SIZE_FOUR",
            "ADAPTER_SIZE_EIGHT", "ADAPTER_SIZE_SIXTEEN", "ADAPTER_SIZE_THIRTY_TWO");
    /** Google's limit for display names of Vertex resources. */
    static final int MAX_DISPLAY_NAME = 128;

    static VertexOptions read(Map<String, Object> options) {
        OptionReader in = OptionReader.of(VertexAdapter.ID, options)
                .allowOnly(Set.of("adapter_size", "export_last_checkpoint_only", "tuned_model_display_name"));
        String name = in.text("tuned_model_display_name");
        if (name != null && name.length() > MAX_DISPLAY_NAME) {
            throw in.invalid("tuned_model_display_name", "must be at most " + MAX_DISPLAY_NAME + " characters");
        }
        return new VertexOptions(in.oneOf("adapter_size", ADAPTER_SIZES), in.bool("export_last_checkpoint_only"),
                name);
    }
}
