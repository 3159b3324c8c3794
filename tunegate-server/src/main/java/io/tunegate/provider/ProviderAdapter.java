package io.tunegate.provider;

import java.util.Optional;

/**
 * What Tunegate needs from a fine-tuning provider. One implementation per provider, switched on by
 * configuration; adding one touches no core code. Implementations sort failures at their boundary into
 * {@link TransientProviderException} (worth retrying) and {@link PermanentProviderException}.
 */
public interface ProviderAdapter {

    /** Stable, lower-case id used in requests ({@code "provider": "sandbox"}), metrics and events. */
    String id();

    ProviderCapabilities capabilities();

    /**
     * An offer to train any base model, for providers outside the model catalog (the sandbox). Real
     * providers leave this empty: what they can train, and at what price, is the catalog's to say.
     */
    default Optional<io.tunegate.catalog.Offer> anyModelOffer(String baseModel) {
        return Optional.empty();
    }

    /**
     * Checks this provider's entry of a job's {@code provider_options} when the job is submitted, throwing an
     * {@link io.tunegate.platform.web.ApiException} for bad input.
     */
    default void validateOptions(java.util.Map<String, Object> options) {
    }

    /**
     * Puts a dataset where the provider reads it, in the provider's format, and returns the provider's
     * reference to it (a file id, an {@code s3://} or {@code gs://} URI, a dataset name). Data the provider's
     * format cannot express is a {@link PermanentProviderException} (code {@code unsupported_data}).
     */
    String stage(StageRequest request);

    /**
     * Creates the provider job. {@code request.idempotencyKey()} is the gateway job id: adapters pass it to
     * the provider's idempotency mechanism where one exists.
     */
    SubmittedJob submit(SubmitRequest request);

    /** Finds a job created earlier with this idempotency key (recovery after a crash mid-submission). */
    Optional<SubmittedJob> findSubmitted(String idempotencyKey);

    /** The job's state, with events after {@code eventCursor} (null: from the start) and metric points. */
    ProviderJobSnapshot fetch(String providerJobId, String eventCursor);

    void cancel(String providerJobId);

    /**
     * Pauses a running job: optional, for providers whose {@link ProviderCapabilities#pausable()} is true.
     * Answers the job's state as the provider reports it after the call (it may not say paused yet).
     */
    default ProviderJobStatus pause(String providerJobId) {
        throw new UnsupportedOperationException(id() + " cannot pause jobs");
    }

    /** Resumes a paused job; as {@link #pause}. */
    default ProviderJobStatus resume(String providerJobId) {
        throw new UnsupportedOperationException(id() + " cannot resume jobs");
    }
}
