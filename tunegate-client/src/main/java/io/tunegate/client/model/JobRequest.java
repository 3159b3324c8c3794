package io.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /v1/jobs} and {@code POST /v1/estimates}. Build it with {@link #builder()}; fields left
 * unset are not sent, so the gateway's defaults apply ({@code provider: "auto"}, every hyperparameter "auto").
 *
 * @param hyperparameters {@code n_epochs}, {@code batch_size}, {@code learning_rate},
 *                        {@code learning_rate_multiplier}: a number or {@code "auto"}
 * @param providerOptions per provider name, options only that provider understands
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record JobRequest(String jobName, String baseModel, String trainingData, String validationData,
                         Map<String, Object> hyperparameters, String provider, List<String> fallbackProviders,
                         BigDecimal budgetLimit, String webhookUrl, Map<String, String> metadata,
                         Map<String, Map<String, Object>> providerOptions) {

    /** The value that asks for the provider's default for a hyperparameter. */
    public static final String AUTO = "auto";

    public JobRequest {
        hyperparameters = copy(hyperparameters);
        fallbackProviders = fallbackProviders == null ? List.of() : List.copyOf(fallbackProviders);
        metadata = copy(metadata);
        if (providerOptions == null) {
            providerOptions = Map.of();
        } else {
            Map<String, Map<String, Object>> options = new LinkedHashMap<>();
            providerOptions.forEach((name, values) -> options.put(name, copy(values)));
            providerOptions = Collections.unmodifiableMap(options);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this request's values, to change some. */
    public Builder toBuilder() {
        Builder builder = new Builder().jobName(jobName).baseModel(baseModel).trainingData(trainingData)
                .validationData(validationData).provider(provider).fallbackProviders(fallbackProviders)
                .budgetLimit(budgetLimit).webhookUrl(webhookUrl).metadata(metadata);
        builder.hyperparameters.putAll(hyperparameters);
        providerOptions.forEach(builder::providerOptions);
        return builder;
    }

    private static <V> Map<String, V> copy(Map<String, V> map) {
        return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Every field of the job request; {@link #build()} checks only that the three required ones are set. */
    public static final class Builder {

        private String jobName;
        private String baseModel;
        private String trainingData;
        private String validationData;
        private final Map<String, Object> hyperparameters = new LinkedHashMap<>();
        private String provider;
        private final List<String> fallbackProviders = new ArrayList<>();
        private BigDecimal budgetLimit;
        private String webhookUrl;
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> providerOptions = new LinkedHashMap<>();

        private Builder() {
        }

        /** Required; also names the model the job registers when it succeeds. */
        public Builder jobName(String jobName) {
            this.jobName = jobName;
            return this;
        }

        /** Required: a catalog name ({@code gpt-4o-mini}) or any provider's id for the model. */
        public Builder baseModel(String baseModel) {
            this.baseModel = baseModel;
            return this;
        }

        /** Required: a dataset id ({@code ds-...}), an {@code s3://bucket/key} or an {@code https://} URL. */
        public Builder trainingData(String trainingData) {
            this.trainingData = trainingData;
            return this;
        }

        public Builder validationData(String validationData) {
            this.validationData = validationData;
            return this;
        }

        public Builder epochs(int epochs) {
            return hyperparameter("n_epochs", epochs);
        }

        public Builder batchSize(int batchSize) {
            return hyperparameter("batch_size", batchSize);
        }

        /** An absolute learning rate. */
        public Builder learningRate(double learningRate) {
            return hyperparameter("learning_rate", learningRate);
        }

        /** A multiplier of the provider's default learning rate. */
        public Builder learningRateMultiplier(double multiplier) {
            return hyperparameter("learning_rate_multiplier", multiplier);
        }

        /**
         * Any hyperparameter by its wire name: a number, {@link #AUTO}, or null to remove it. Unknown names are
         * refused by the gateway (400), not here.
         */
        public Builder hyperparameter(String name, Object value) {
            Objects.requireNonNull(name, "name");
            if (value == null) {
                hyperparameters.remove(name);
            } else {
                hyperparameters.put(name, value);
            }
            return this;
        }

        /** {@code "auto"} for a hyperparameter: the provider's default, said explicitly. */
        public Builder auto(String name) {
            return hyperparameter(name, AUTO);
        }

        /** {@code "provider": "auto"} (the default) or a provider name ({@code sandbox}, {@code openai}, ...). */
        public Builder provider(String provider) {
            this.provider = provider;
            return this;
        }

        /** Providers tried in order if the first one refuses the job. Replaces earlier ones. */
        public Builder fallbackProviders(List<String> providers) {
            fallbackProviders.clear();
            if (providers != null) {
                fallbackProviders.addAll(providers);
            }
            return this;
        }

        public Builder fallbackProviders(String... providers) {
            return fallbackProviders(Arrays.asList(providers));
        }

        /** USD: the job is refused if its estimate is above it, and cancelled if its progress projects past it. */
        public Builder budgetLimit(BigDecimal budgetLimitUsd) {
            this.budgetLimit = budgetLimitUsd;
            return this;
        }

        public Builder budgetLimit(String budgetLimitUsd) {
            return budgetLimit(budgetLimitUsd == null ? null : new BigDecimal(budgetLimitUsd));
        }

        /** Where the gateway posts this job's signed status changes. */
        public Builder webhookUrl(String webhookUrl) {
            this.webhookUrl = webhookUrl;
            return this;
        }

        /** Up to 16 string pairs, kept with the job. */
        public Builder metadata(String key, String value) {
            metadata.put(key, value);
            return this;
        }

        /** Replaces all metadata. */
        public Builder metadata(Map<String, String> metadata) {
            this.metadata.clear();
            if (metadata != null) {
                this.metadata.putAll(metadata);
            }
            return this;
        }

        /** One option for one provider, e.g. {@code providerOption("sandbox", "duration_seconds", 30)}. */
        public Builder providerOption(String provider, String name, Object value) {
            providerOptions.computeIfAbsent(provider, p -> new LinkedHashMap<>()).put(name, value);
            return this;
        }

        /** Replaces one provider's options. */
        public Builder providerOptions(String provider, Map<String, Object> options) {
            providerOptions.put(provider, new LinkedHashMap<>(options));
            return this;
        }

        /** @throws IllegalStateException when job_name, base_model or training_data is missing */
        public JobRequest build() {
            List<String> missing = new ArrayList<>();
            if (isBlank(jobName)) {
                missing.add("job_name");
            }
            if (isBlank(baseModel)) {
                missing.add("base_model");
            }
            if (isBlank(trainingData)) {
                missing.add("training_data");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException("A job request needs " + String.join(", ", missing));
            }
            return buildUnchecked();
        }

        /** The request as set, without checking required fields: to let the gateway answer what is wrong. */
        public JobRequest buildUnchecked() {
            return new JobRequest(jobName, baseModel, trainingData, validationData, hyperparameters, provider,
                    fallbackProviders, budgetLimit, webhookUrl, metadata, providerOptions);
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
