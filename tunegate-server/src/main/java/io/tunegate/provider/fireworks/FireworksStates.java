package io.tunegate.provider.fireworks;

import io.tunegate.provider.ProviderJobState;

/** Fireworks' {@code JOB_STATE_*} words (reference §6.4) on the gateway's states. */
final class FireworksStates {

    private FireworksStates() {
    }

    static ProviderJobState state(String raw) {
        return switch (raw == null ? "" : raw.strip()) {
            case "JOB_STATE_CREATING", "JOB_STATE_PENDING", "JOB_STATE_VALIDATING", "JOB_STATE_CREATING_INPUT_DATASET",
                 "JOB_STATE_RE_QUEUEING", "JOB_STATE_IDLE" -> ProviderJobState.QUEUED;
            // cancelling is not an end yet
            case "JOB_STATE_RUNNING", "JOB_STATE_WRITING_RESULTS", "JOB_STATE_CANCELLING" -> ProviderJobState.RUNNING;
            // Fireworks has :resume but no pause call; a job paused on its side can be resumed there
            case "JOB_STATE_PAUSED" -> ProviderJobState.PAUSED;
            // early stopping ends training with a model (treated as success: not verified)
            case "JOB_STATE_COMPLETED", "JOB_STATE_EARLY_STOPPED" -> ProviderJobState.SUCCEEDED;
            case "JOB_STATE_FAILED", "JOB_STATE_EXPIRED" -> ProviderJobState.FAILED;
            // a deleted job trains no further (the DELETE fallback of cancel leads here)
            case "JOB_STATE_CANCELLED", "JOB_STATE_DELETING", "JOB_STATE_DELETING_CLEANING_UP" ->
                    ProviderJobState.CANCELLED;
            // JOB_STATE_UNSPECIFIED or a word this adapter does not know: the job exists and has not ended
            default -> ProviderJobState.RUNNING;
        };
    }
}
