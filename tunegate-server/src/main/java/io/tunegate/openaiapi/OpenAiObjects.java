package io.tunegate.openaiapi;

import java.util.List;
import java.util.Map;

/**
 * OpenAI's objects as this surface writes them (snake_case by the application's naming strategy; nulls are
 * written, as OpenAI writes them). Checked against the openai-java SDK's required fields.
 */
final class OpenAiObjects {

    private OpenAiObjects() {
    }

    /** {@code fine_tuning.job}. */
    record FineTuningJob(String id, String object, long createdAt, JobError error, String fineTunedModel,
                         Long finishedAt, Hyperparameters hyperparameters, String model, String organizationId,
                         List<String> resultFiles, long seed, String status, Long trainedTokens, String trainingFile,
                         String validationFile, Long estimatedFinish, List<Object> integrations,
                         Map<String, String> metadata, Method method) {
    }

    record JobError(String code, String message, String param) {
    }

    /** Each value is a number or {@code "auto"}. */
    record Hyperparameters(Object batchSize, Object learningRateMultiplier, Object nEpochs) {
    }

    record Method(String type, Supervised supervised) {
    }

    record Supervised(Hyperparameters hyperparameters) {
    }

    /** {@code fine_tuning.job.event}: {@code type} is {@code message} or {@code metrics}. */
    record Event(String id, String object, long createdAt, String level, String message, String type,
                 Map<String, Object> data) {
    }

    /** {@code fine_tuning.job.checkpoint}. */
    record Checkpoint(String id, String object, long createdAt, String fineTunedModelCheckpoint,
                      String fineTuningJobId, Map<String, Double> metrics, int stepNumber) {
    }

    /** {@code file}; {@code status} is OpenAI's deprecated {@code processed}/{@code error}, kept for old clients. */
    record File(String id, String object, long bytes, long createdAt, Long expiresAt, String filename,
                String purpose, String status, String statusDetails) {
    }

    record FileDeleted(String id, String object, boolean deleted) {
    }

    /** OpenAI's list envelope; {@code first_id}/{@code last_id} where OpenAI has them (files, checkpoints). */
    record ListOf<T>(String object, List<T> data, boolean hasMore, String firstId, String lastId) {

        static <T> ListOf<T> of(List<T> data, boolean hasMore, java.util.function.Function<T, String> id) {
            return new ListOf<>("list", data, hasMore, data.isEmpty() ? null : id.apply(data.getFirst()),
                    data.isEmpty() ? null : id.apply(data.getLast()));
        }
    }

    /** The envelope without first/last ids (jobs, events). */
    record PlainList<T>(String object, List<T> data, boolean hasMore) {

        static <T> PlainList<T> of(List<T> data, boolean hasMore) {
            return new PlainList<>("list", data, hasMore);
        }
    }
}
