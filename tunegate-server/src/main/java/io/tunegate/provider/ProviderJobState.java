package io.tunegate.provider;

/**
 * A provider's status word mapped onto the few states every provider has. PAUSED is a job that started and
 * stopped training without ending (OpenAI's {@code paused}, Vertex's and Fireworks' {@code JOB_STATE_PAUSED}):
 * it can be resumed, still cancelled, and may still end either way.
 */
public enum ProviderJobState {
    QUEUED, RUNNING, PAUSED, SUCCEEDED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
