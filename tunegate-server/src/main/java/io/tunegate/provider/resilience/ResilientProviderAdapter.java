package io.tunegate.provider.resilience;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.retry.Retry;
import io.tunegate.catalog.Offer;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderCapabilities;
import io.tunegate.provider.ProviderException;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobStatus;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.TransientProviderException;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * An adapter whose every call runs under a time limit, inside the provider's circuit breaker and call
 * bulkhead, retried on transient failures. Resubmission is safe: before a retried {@code submit} the provider
 * is asked whether the failed attempt created the job after all (a timeout or a 500 does not say).
 */
final class ResilientProviderAdapter implements ProviderAdapter {

    private final ProviderAdapter delegate;
    private final ProviderPolicy policy;
    private final CircuitBreaker circuitBreaker;
    private final Retry retry;
    private final Bulkhead bulkhead;
    private final ExecutorService calls;

    ResilientProviderAdapter(ProviderAdapter delegate, ProviderPolicy policy, CircuitBreaker circuitBreaker,
                             Retry retry, Bulkhead bulkhead, ExecutorService calls) {
        this.delegate = delegate;
        this.policy = policy;
        this.circuitBreaker = circuitBreaker;
        this.retry = retry;
        this.bulkhead = bulkhead;
        this.calls = calls;
    }

    @Override
    public String id() {
        return delegate.id();
    }

    @Override
    public ProviderCapabilities capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Optional<Offer> anyModelOffer(String baseModel) {
        return delegate.anyModelOffer(baseModel);
    }

    @Override
    public void validateOptions(Map<String, Object> options) {
        delegate.validateOptions(options);
    }

    @Override
    public String stage(StageRequest request) {
        return call("stage", policy.uploadTimeout(), () -> delegate.stage(request));
    }

    @Override
    public SubmittedJob submit(SubmitRequest request) {
        AtomicInteger attempt = new AtomicInteger();
        return call("submit", policy.operationTimeout(), () -> {
            if (attempt.getAndIncrement() > 0) {
                Optional<SubmittedJob> created = delegate.findSubmitted(request.idempotencyKey());
                if (created.isPresent()) {
                    return created.get();
                }
            }
            return delegate.submit(request);
        });
    }

    @Override
    public Optional<SubmittedJob> findSubmitted(String idempotencyKey) {
        return call("find_submitted", policy.operationTimeout(), () -> delegate.findSubmitted(idempotencyKey));
    }

    @Override
    public ProviderJobSnapshot fetch(String providerJobId, String eventCursor) {
        return call("fetch", policy.operationTimeout(), () -> delegate.fetch(providerJobId, eventCursor));
    }

    @Override
    public void cancel(String providerJobId) {
        call("cancel", policy.operationTimeout(), () -> {
            delegate.cancel(providerJobId);
            return null;
        });
    }

    @Override
    public ProviderJobStatus pause(String providerJobId) {
        return call("pause", policy.operationTimeout(), () -> delegate.pause(providerJobId));
    }

    @Override
    public ProviderJobStatus resume(String providerJobId) {
        return call("resume", policy.operationTimeout(), () -> delegate.resume(providerJobId));
    }

    private <T> T call(String operation, Duration limit, Supplier<T> body) {
        Supplier<T> limited = () -> withTimeLimit(operation, limit, body);
        Supplier<T> guarded = Bulkhead.decorateSupplier(bulkhead, CircuitBreaker.decorateSupplier(circuitBreaker, limited));
        try {
            return Retry.decorateSupplier(retry, guarded).get();
        } catch (CallNotPermittedException e) {
            throw new TransientProviderException(id(), id() + " is failing: its circuit breaker is open, so "
                    + operation + " was not attempted", policy.circuitBreaker().waitInOpenState(), e, true);
        } catch (BulkheadFullException e) {
            throw new TransientProviderException(id(), "Too many calls to " + id() + " in flight; " + operation
                    + " was not attempted", null, e, true);
        }
    }

    private <T> T withTimeLimit(String operation, Duration limit, Supplier<T> body) {
        Future<T> future = calls.submit(body::get);
        try {
            return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new TransientProviderException(id(), id() + " " + operation + " took longer than its limit of "
                    + limit.toSeconds() + " s", null, e);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransientProviderException(id(), id() + " " + operation + " was interrupted", null, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ProviderException p) {
                throw p;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
