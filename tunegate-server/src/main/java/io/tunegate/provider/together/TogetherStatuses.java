package io.tunegate.provider.together;

import io.tunegate.provider.ProviderJobState;

import java.util.Locale;

/** Together's job {@code status} words (reference §5.4) on the gateway's states. */
final class TogetherStatuses {

    private TogetherStatuses() {
    }

    static ProviderJobState state(String raw) {
        return switch (raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT)) {
            case "pending", "queued" -> ProviderJobState.QUEUED;
            // cancel_requested is not an end: the job may still finish or fail before it stops
            case "running", "compressing", "uploading", "cancel_requested" -> ProviderJobState.RUNNING;
            case "completed" -> ProviderJobState.SUCCEEDED;
            case "cancelled" -> ProviderJobState.CANCELLED;
            case "error", "user_error" -> ProviderJobState.FAILED;
            // a word this adapter does not know yet: the job exists and has not ended as far as we can tell
            default -> ProviderJobState.RUNNING;
        };
    }
}
