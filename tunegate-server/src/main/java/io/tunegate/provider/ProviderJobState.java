package io.tunegate.provider;

/** A provider's status word mapped onto the few states every provider has. */
public enum ProviderJobState {
    QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }
}
