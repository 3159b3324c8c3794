package io.tunegate.catalog;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One provider's offer to fine-tune one base model.
 *
 * @param modelId                  the provider's id for the base model, as its API is sent
 * @param pricePerMillionTokens    USD per 1M training tokens; null when billed by the hour
 * @param pricePerHour             USD per hour of training; null when billed by tokens
 * @param priceConfirmed           false when the price could not be confirmed in an official source
 * @param maxTokensPerExample      longer examples are truncated (and billed up to this)
 * @param trainingAvailableUntil   last day (UTC, inclusive) new training jobs are accepted; null: no end known
 * @param retires                  the base model's retirement day; training stops before it
 */
public record Offer(String model, String provider, String modelId, List<String> aliases,
                    BigDecimal pricePerMillionTokens, BigDecimal pricePerHour, boolean priceConfirmed,
                    EpochRule epochs, int maxTokensPerExample, int minExamples, long maxFileBytes,
                    boolean validationTokensBilled, Set<String> roles, LocalDate trainingAvailableFrom,
                    LocalDate trainingAvailableUntil, LocalDate retires, String notes) {

    public Offer {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(modelId, "model_id");
        Objects.requireNonNull(epochs, "epochs");
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
        roles = roles == null ? Set.of() : Set.copyOf(roles);
        if ((pricePerMillionTokens == null) == (pricePerHour == null)) {
            throw new IllegalArgumentException(provider + "/" + model
                    + ": give exactly one of price_per_million_tokens and price_per_hour");
        }
        // fields are not assigned yet in a compact constructor: use the parameters
        BigDecimal price = pricePerMillionTokens != null ? pricePerMillionTokens : pricePerHour;
        if (price.signum() < 0) {
            throw new IllegalArgumentException(provider + "/" + model + ": price must not be negative");
        }
        if (maxTokensPerExample < 1 || minExamples < 0 || maxFileBytes < 1) {
            throw new IllegalArgumentException(provider + "/" + model
                    + ": max_tokens_per_example and max_file_bytes must be positive, min_examples not negative");
        }
    }

    public boolean billedPerToken() {
        return pricePerMillionTokens != null;
    }

    /** The price in its own unit (per 1M tokens or per hour). */
    public BigDecimal price() {
        return billedPerToken() ? pricePerMillionTokens : pricePerHour;
    }

    /** Whether {@code name} is what users call this base model on this provider. */
    public boolean answersTo(String name) {
        return modelId.equalsIgnoreCase(name) || aliases.stream().anyMatch(a -> a.equalsIgnoreCase(name));
    }

    public Availability availabilityOn(LocalDate day) {
        if (trainingAvailableFrom != null && day.isBefore(trainingAvailableFrom)) {
            return Availability.closed(provider + " accepts training for " + model + " from "
                    + trainingAvailableFrom);
        }
        if (retires != null && !day.isBefore(retires)) {
            return Availability.closed(model + " on " + provider + " retired on " + retires);
        }
        if (trainingAvailableUntil != null && day.isAfter(trainingAvailableUntil)) {
            return Availability.closed(provider + " stopped accepting training for " + model + " after "
                    + trainingAvailableUntil);
        }
        return Availability.OPEN;
    }
}
