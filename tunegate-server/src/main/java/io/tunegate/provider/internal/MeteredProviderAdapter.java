package io.tunegate.provider.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderCapabilities;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobStatus;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.TransientProviderException;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * Times every provider call ({@code tunegate.provider.calls}, tagged provider, operation, outcome). This is
 * the one place every call passes through, so resilience decorators belong here too.
 */
class MeteredProviderAdapter implements ProviderAdapter {

    private final ProviderAdapter delegate;
    private final MeterRegistry registry;

    MeteredProviderAdapter(ProviderAdapter delegate, MeterRegistry registry) {
        this.delegate = delegate;
        this.registry = registry;
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
    public java.util.Optional<io.tunegate.catalog.Offer> anyModelOffer(String baseModel) {
        return delegate.anyModelOffer(baseModel);
    }

    @Override
    public void validateOptions(java.util.Map<String, Object> options) {
        delegate.validateOptions(options);
    }

    @Override
    public String stage(io.tunegate.provider.StageRequest request) {
        return timed("stage", () -> delegate.stage(request));
    }

    @Override
    public SubmittedJob submit(SubmitRequest request) {
        return timed("submit", () -> delegate.submit(request));
    }

    @Override
    public Optional<SubmittedJob> findSubmitted(String idempotencyKey) {
        return timed("find_submitted", () -> delegate.findSubmitted(idempotencyKey));
    }

    @Override
    public ProviderJobSnapshot fetch(String providerJobId, String eventCursor) {
        return timed("fetch", () -> delegate.fetch(providerJobId, eventCursor));
    }

    @Override
    public void cancel(String providerJobId) {
        timed("cancel", () -> {
            delegate.cancel(providerJobId);
            return null;
        });
    }

    @Override
    public ProviderJobStatus pause(String providerJobId) {
        return timed("pause", () -> delegate.pause(providerJobId));
    }

    @Override
    public ProviderJobStatus resume(String providerJobId) {
        return timed("resume", () -> delegate.resume(providerJobId));
    }

    private <T> T timed(String operation, Supplier<T> call) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "success";
        try {
            return call.get();
        } catch (TransientProviderException e) {
            outcome = "transient_error";
            throw e;
        } catch (PermanentProviderException e) {
            outcome = "permanent_error";
            throw e;
        } catch (io.tunegate.platform.web.ApiException e) {
            // provider_options that passed at admission but not when the request was built: the job's own
            // input, so retrying cannot help
            outcome = "permanent_error";
            throw new PermanentProviderException(id(), "invalid_provider_options", e.getMessage(), e);
        } catch (RuntimeException e) {
            // an adapter bug or an unexpected answer: treat as transient so the job is never lost over it
            outcome = "transient_error";
            throw new TransientProviderException(id(), "Unexpected error calling " + id() + " (" + operation
                    + "): " + e.getClass().getSimpleName(), null, e);
        } finally {
            sample.stop(Timer.builder("tunegate.provider.calls")
                    .description("Calls to fine-tuning providers")
                    .tag("provider", id())
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }
}
