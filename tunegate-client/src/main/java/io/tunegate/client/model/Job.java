package io.tunegate.client.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A fine-tuning job ({@code GET /v1/jobs/{id}}): the normalized {@code status} beside the provider's own word.
 * Fields a newer gateway adds are ignored.
 *
 * @param progress         the share of the training done, 0..1, as the provider last told it (1 once
 *                         succeeded); null when the provider does not tell
 * @param providerPlan     the providers the job may use, in order (the chosen one, then fallbacks)
 * @param estimateBasis    what the estimate was computed from
 * @param fineTunedModel   the provider's id of the trained model, once the job has succeeded
 * @param error            why the job failed or was cancelled; null otherwise
 */
public record Job(String id, String object, String jobName, JobStatus status, String providerStatus,
                  Double progress, String provider, String providerJobId, List<String> providerPlan, String baseModel,
                  String trainingData, String validationData, Hyperparameters hyperparameters,
                  BigDecimal budgetLimit, BigDecimal estimatedCostUsd, String estimateBasis,
                  BigDecimal actualCostUsd, Long trainedTokens, String fineTunedModel, JobError error,
                  String webhookUrl, Map<String, String> metadata, Instant createdAt, Instant updatedAt,
                  Instant startedAt, Instant finishedAt) {

    public Job {
        providerPlan = providerPlan == null ? List.of() : List.copyOf(providerPlan);
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    /** Whether the job has ended. */
    public boolean isTerminal() {
        return status != null && status.isTerminal();
    }

    /** Why a job failed: a stable {@code code} ({@code invalid_data}, {@code budget_exceeded}, ...) and a message. */
    public record JobError(String code, String message) {
    }
}
