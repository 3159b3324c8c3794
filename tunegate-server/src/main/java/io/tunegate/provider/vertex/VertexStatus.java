package io.tunegate.provider.vertex;

import io.tunegate.provider.ProviderJobState;

/** Vertex AI's {@code JobState} words (reference §4.3) on Tunegate's states. */
final class VertexStatus {

    private VertexStatus() {
    }

    static ProviderJobState of(String raw, boolean hasModel) {
        if (raw == null) {
            return ProviderJobState.QUEUED;
        }
        return switch (raw) {
            case "JOB_STATE_QUEUED", "JOB_STATE_PENDING", "JOB_STATE_UNSPECIFIED" -> ProviderJobState.QUEUED;
            // CANCELLING may still end otherwise; UPDATING is not an end either
            case "JOB_STATE_RUNNING", "JOB_STATE_CANCELLING", "JOB_STATE_UPDATING" -> ProviderJobState.RUNNING;
            // Vertex has no pause call, but reports jobs it paused itself
            case "JOB_STATE_PAUSED" -> ProviderJobState.PAUSED;
            case "JOB_STATE_SUCCEEDED" -> ProviderJobState.SUCCEEDED;
            // a tuning job that partly succeeded is only of use with a model to serve
            case "JOB_STATE_PARTIALLY_SUCCEEDED" -> hasModel ? ProviderJobState.SUCCEEDED : ProviderJobState.FAILED;
            case "JOB_STATE_FAILED", "JOB_STATE_EXPIRED" -> ProviderJobState.FAILED;
            case "JOB_STATE_CANCELLED" -> ProviderJobState.CANCELLED;
            // a state Google added later: not an end, keep following it
            default -> ProviderJobState.RUNNING;
        };
    }
}
