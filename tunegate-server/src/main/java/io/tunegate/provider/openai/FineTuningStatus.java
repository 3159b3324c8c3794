package io.tunegate.provider.openai;

import io.tunegate.provider.ProviderJobState;

import java.util.Locale;

/**
 * OpenAI's job statuses and Azure OpenAI's (the GA API's {@code created}/{@code pending}, the v1 API's OpenAI
 * words) on Tunegate's states. {@code paused} is outside OpenAI's own enum but is what its pause endpoint
 * answers (and what Azure's v1 API reports). Any other word is taken as running (the job was accepted and has
 * not said it ended); the raw word is always kept beside the state.
 */
public final class FineTuningStatus {

    private FineTuningStatus() {
    }

    public static ProviderJobState of(String raw) {
        if (raw == null) {
            return ProviderJobState.RUNNING;
        }
        return switch (raw.toLowerCase(Locale.ROOT)) {
            case "validating_files", "queued", "created", "pending" -> ProviderJobState.QUEUED;
            case "paused" -> ProviderJobState.PAUSED;
            case "succeeded" -> ProviderJobState.SUCCEEDED;
            case "failed" -> ProviderJobState.FAILED;
            case "cancelled", "canceled" -> ProviderJobState.CANCELLED;
            default -> ProviderJobState.RUNNING; // running, and words not seen yet
        };
    }
}
