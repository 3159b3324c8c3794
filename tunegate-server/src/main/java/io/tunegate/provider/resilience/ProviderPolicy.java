package io.tunegate.provider.resilience;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How the gateway treats one provider, set under {@code tunegate.providers.<id>.*} next to the adapter's own
 * settings (base URL, credentials).
 *
 * @param maxConcurrentJobs  training jobs the provider may run for us at once (providers cap them per
 *                           account); jobs beyond it wait in {@code queued}, in submission order. Null: no cap
 * @param maxConcurrentCalls HTTP calls in flight to the provider at once from this instance
 * @param requestTimeout     time limit of one HTTP request
 * @param operationTimeout   time limit of one adapter operation (several requests: a job, its events, its
 *                           checkpoints)
 * @param uploadTimeout      time limit of staging one dataset (uploads)
 */
public record ProviderPolicy(
        Integer maxConcurrentJobs,
        @DefaultValue("8") int maxConcurrentCalls,
        @DefaultValue("30s") Duration requestTimeout,
        @DefaultValue("90s") Duration operationTimeout,
        @DefaultValue("30m") Duration uploadTimeout,
        @DefaultValue Retry retry,
        @DefaultValue CircuitBreaker circuitBreaker) {

    /**
     * Retries inside one call, for transient failures only, with exponential backoff and jitter. A provider's
     * {@code Retry-After} longer than {@code maxBackoff} is not waited out in the call: the job driver
     * reschedules the job for then instead of holding a thread.
     *
     * @param jitter share of each wait (0..1) that is randomised
     */
    public record Retry(@DefaultValue("3") int maxAttempts, @DefaultValue("500ms") Duration initialBackoff,
                        @DefaultValue("2.0") double multiplier, @DefaultValue("0.5") double jitter,
                        @DefaultValue("10s") Duration maxBackoff) {
    }

    /**
     * Opens after {@code failureRateThreshold} percent of the last {@code slidingWindowSize} calls failed
     * transiently, once at least {@code minimumNumberOfCalls} were made: low enough to work at a few calls a
     * minute (the library's default of 100 would never open for a fine-tuning provider).
     */
    public record CircuitBreaker(@DefaultValue("50") float failureRateThreshold,
                                 @DefaultValue("10") int slidingWindowSize,
                                 @DefaultValue("4") int minimumNumberOfCalls,
                                 @DefaultValue("60s") Duration waitInOpenState,
                                 @DefaultValue("2") int permittedCallsInHalfOpenState) {
    }

    /** Every default, as an unset provider gets them. */
    public static ProviderPolicy defaults() {
        return new Binder(List.of()).bindOrCreate("tunegate.providers.none", Bindable.of(ProviderPolicy.class));
    }
}
