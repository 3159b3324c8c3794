package io.tunegate.provider.mistral;

import io.tunegate.provider.ProviderJobState;

import java.util.Locale;

/** Mistral's job status words (reference §7.4) on Tunegate's states. */
final class MistralStatus {

    private MistralStatus() {
    }

    static ProviderJobState of(String raw) {
        if (raw == null) {
            return ProviderJobState.QUEUED;
        }
        return switch (raw.toUpperCase(Locale.ROOT)) {
            // VALIDATED rests there only with auto_start=false, which Tunegate never sends: still waiting to run
            case "QUEUED", "VALIDATING", "VALIDATED" -> ProviderJobState.QUEUED;
            // a cancellation is asked for but not done: the job may still finish
            case "STARTED", "RUNNING", "CANCELLATION_REQUESTED" -> ProviderJobState.RUNNING;
            case "SUCCESS" -> ProviderJobState.SUCCEEDED;
            case "FAILED", "FAILED_VALIDATION" -> ProviderJobState.FAILED;
            case "CANCELLED" -> ProviderJobState.CANCELLED;
            // a word Mistral added later: not an end, keep following it
            default -> ProviderJobState.RUNNING;
        };
    }
}
