package io.tunegate.provider.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadRegistry;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalBiFunction;
import io.github.resilience4j.micrometer.tagged.TaggedBulkheadMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.github.resilience4j.micrometer.tagged.TaggedRetryMetrics;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.github.resilience4j.retry.RetryRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.TransientProviderException;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The Resilience4j instances of every provider (named by provider id, so their metrics are
 * {@code resilience4j_circuitbreaker_state{name="openai"}} and so on) and the decorator that applies them.
 */
public final class ProviderResilience implements AutoCloseable {

    private final CircuitBreakerRegistry circuitBreakers = CircuitBreakerRegistry.ofDefaults();
    private final RetryRegistry retries = RetryRegistry.ofDefaults();
    private final BulkheadRegistry bulkheads = BulkheadRegistry.ofDefaults();
    /** Runs calls under a time limit; virtual threads, so a call that hangs costs nothing but memory. */
    private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

    public ProviderResilience(MeterRegistry meters) {
        if (meters != null) {
            TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(circuitBreakers).bindTo(meters);
            TaggedRetryMetrics.ofRetryRegistry(retries).bindTo(meters);
            TaggedBulkheadMetrics.ofBulkheadRegistry(bulkheads).bindTo(meters);
        }
    }

    /** Wraps an adapter with retry, circuit breaker, call bulkhead and time limits as its policy says. */
    public ProviderAdapter decorate(ProviderAdapter adapter, ProviderPolicy policy) {
        String id = adapter.id();
        return new ResilientProviderAdapter(adapter, policy, circuitBreakers.circuitBreaker(id, circuitConfig(policy)),
                retries.retry(id, retryConfig(policy)), bulkheads.bulkhead(id, bulkheadConfig(policy)), calls);
    }

    /** The provider's circuit breaker, once its adapter is decorated. */
    public Optional<CircuitBreaker> circuitBreaker(String provider) {
        return circuitBreakers.find(provider);
    }

    private static CircuitBreakerConfig circuitConfig(ProviderPolicy policy) {
        ProviderPolicy.CircuitBreaker c = policy.circuitBreaker();
        return CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(c.slidingWindowSize())
                .minimumNumberOfCalls(c.minimumNumberOfCalls())
                .failureRateThreshold(c.failureRateThreshold())
                .waitDurationInOpenState(c.waitInOpenState())
                .permittedNumberOfCallsInHalfOpenState(c.permittedCallsInHalfOpenState())
                .automaticTransitionFromOpenToHalfOpenEnabled(false)
                // a refusal (400, 401, 404) says nothing about the provider's health; trouble does
                .recordException(e -> e instanceof TransientProviderException t && !t.notSent())
                .build();
    }

    private static RetryConfig retryConfig(ProviderPolicy policy) {
        ProviderPolicy.Retry r = policy.retry();
        IntervalBiFunction<Object> interval = (attempt, outcome) -> {
            double base = r.initialBackoff().toMillis() * Math.pow(r.multiplier(), Math.max(0, attempt - 1));
            double jittered = base * (1 - r.jitter() + 2 * r.jitter() * ThreadLocalRandom.current().nextDouble());
            long wait = (long) Math.min(jittered, r.maxBackoff().toMillis());
            long hint = outcome.isLeft() ? hintMillis(outcome.getLeft()) : 0;
            return Math.max(wait, hint);
        };
        return RetryConfig.custom()
                .maxAttempts(r.maxAttempts())
                .intervalBiFunction(interval)
                .retryOnException(e -> e instanceof TransientProviderException t && !t.notSent()
                        && t.retryAfter().map(hint -> hint.compareTo(r.maxBackoff()) <= 0).orElse(true))
                .failAfterMaxAttempts(false)
                .build();
    }

    private static long hintMillis(Throwable error) {
        return error instanceof TransientProviderException t ? t.retryAfter().map(Duration::toMillis).orElse(0L) : 0;
    }

    private static BulkheadConfig bulkheadConfig(ProviderPolicy policy) {
        // wait a little for a free slot rather than fail at once: calls are short
        return BulkheadConfig.custom().maxConcurrentCalls(policy.maxConcurrentCalls())
                .maxWaitDuration(Duration.ofSeconds(5)).build();
    }

    @Override
    public void close() {
        calls.shutdownNow();
    }
}
