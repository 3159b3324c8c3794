package io.tunegate.provider.contract;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.tunegate.provider.SubmitRequest;

/**
 * One provider's API as WireMock stubs in the provider's real shapes (paths, status codes, bodies, upload
 * flow), and the assertions on what an adapter sent. {@link ProviderContractTest} drives every adapter
 * through the same scenarios with these.
 */
public interface ProviderStubs {

    enum Phase { QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED }

    /** The catalog's canonical base model and this provider's id for it, as the gateway would send them. */
    String baseModel();

    String providerModel();

    /** A provider job id in the provider's own shape ({@code ftjob-...}, an ARN, a resource name). */
    String providerJobId();

    /** Stubs every request of the provider's upload flow, answering success. */
    void stageAccepted(WireMockServer wm);

    /** Matches the job-creation request. */
    MappingBuilder create();

    /** The provider's success answer to {@link #create()}, for a job with {@code providerJobId}. */
    ResponseDefinitionBuilder created(String providerJobId);

    /** Matches the main status read of {@code providerJobId} (the request a garbage or slow answer replaces). */
    MappingBuilder getJob(String providerJobId);

    /**
     * Stubs everything {@code fetch} reads (job, events, checkpoints ...) for a job in {@code phase}. RUNNING
     * must carry events and metric points where the provider exposes them; SUCCEEDED the model id of
     * {@link #fineTunedModel()}; FAILED the message of {@link #failureMessage()}.
     */
    void job(WireMockServer wm, String providerJobId, Phase phase);

    void cancelAccepted(WireMockServer wm, String providerJobId);

    /** Stubs the lookup {@code findSubmitted} makes so that it finds no job for any key. */
    void nothingSubmitted(WireMockServer wm);

    /** Stubs the lookup {@code findSubmitted} makes so that it finds {@code providerJobId} for {@code key}. */
    void submitted(WireMockServer wm, String key, String providerJobId);

    /** An error answer with this status, in the provider's error-body shape, carrying {@code message}. */
    ResponseDefinitionBuilder error(int status, String message);

    /** Asserts what the adapter sent to stage and create: paths, auth headers, body fields. */
    void verifyCreate(WireMockServer wm, SubmitRequest request);

    void verifyCancel(WireMockServer wm, String providerJobId);

    String fineTunedModel();

    String failureMessage();

    /** The trained tokens the SUCCEEDED stub reports; null where the provider reports none. */
    Long trainedTokens();

    /** Whether the provider exposes events (its own or derived from its status details). */
    default boolean reportsEvents() {
        return true;
    }

    /** Whether the provider exposes step metrics (loss) while running. */
    default boolean reportsMetrics() {
        return true;
    }
}
