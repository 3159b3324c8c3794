package io.tunegate.job;

import io.tunegate.job.domain.Job;
import io.tunegate.provider.Hyperparameters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A job as the API shows it: normalized {@code status} beside the provider's raw {@code provider_status}, and
 * {@code progress} (0..1, the share of the training done) where the provider tells it, else null.
 */
public record JobView(String id, String object, String jobName, JobStatus status, String providerStatus,
                      Double progress, String provider, String providerJobId, List<String> providerPlan, String baseModel,
                      String trainingData, String validationData, Hyperparameters hyperparameters,
                      BigDecimal budgetLimit, BigDecimal estimatedCostUsd, String estimateBasis,
                      BigDecimal actualCostUsd, Long trainedTokens, String fineTunedModel, Error error,
                      String webhookUrl, Map<String, String> metadata, Instant createdAt, Instant updatedAt,
                      Instant startedAt, Instant finishedAt) {

    public record Error(String code, String message) {
    }

    public static JobView of(Job job) {
        return new JobView(job.id().toString(), "job", job.jobName(), job.status(), job.providerStatus(),
                job.progress(), job.provider(), job.providerJobId(), job.providerPlan(), job.baseModel(), job.trainingData(),
                job.validationData(), job.hyperparameters(), job.budgetLimit(), job.estimatedCostUsd(),
                job.estimateBasis(), job.actualCostUsd(), job.trainedTokens(), job.fineTunedModel(),
                job.errorCode() == null ? null : new Error(job.errorCode(), job.errorMessage()),
                job.webhookUrl(), job.metadata(), job.createdAt(), job.updatedAt(), job.startedAt(),
                job.finishedAt());
    }
}
