package io.tunegate.provider.contract;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.contract.ProviderStubs.Phase;
import io.tunegate.provider.resilience.ProviderPolicy;
import io.tunegate.provider.resilience.ProviderResilience;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The contract every provider adapter passes, against WireMock stubs of the provider's real API, through the
 * same resilience decoration as in production (with short time limits): create, progress with events and
 * metrics, success with a model id, failure with the provider's reason, cancel, 429 with Retry-After then
 * success, 500 twice then success, a permanent 400 that is not retried, garbage JSON, a timeout, and a circuit
 * that opens. Subclasses give the adapter and the provider's {@link ProviderStubs}.
 */
public abstract class ProviderContractTest {

    protected static final UUID PROJECT = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    protected WireMockServer wm;
    protected ProviderStubs stubs;
    protected ProviderAdapter adapter;
    private ProviderResilience resilience;

    /** The adapter under test, configured to call {@code baseUrl} (WireMock) with test credentials. */
    protected abstract ProviderAdapter adapter(String baseUrl, DatasetExports exports, ProviderPolicy policy);

    protected abstract ProviderStubs stubs();

    /** Short limits so the failure scenarios run in seconds; retries as in production otherwise. */
    protected ProviderPolicy policy() {
        return new ProviderPolicy(null, 8, Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(10),
                new ProviderPolicy.Retry(3, Duration.ofMillis(20), 2.0, 0.5, Duration.ofSeconds(2)),
                new ProviderPolicy.CircuitBreaker(50, 6, 6, Duration.ofMinutes(1), 1));
    }

    @BeforeEach
    void startProvider() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
        stubs = stubs();
        resilience = new ProviderResilience(null);
        adapter = resilience.decorate(adapter("http://127.0.0.1:" + wm.port(), new TranslatingExports(), policy()),
                policy());
    }

    @AfterEach
    void stopProvider() {
        wm.stop();
        resilience.close();
    }

    protected SubmitRequest submitRequest(String training) {
        return new SubmitRequest(UUID.randomUUID().toString(), "contract-test", stubs.baseModel(),
                stubs.providerModel(), training, null, new Hyperparameters(3, null, null, null), Map.of());
    }

    protected String stageTraining() {
        return adapter.stage(new StageRequest(UUID.randomUUID(), PROJECT, "ds-00000000000000000000000001",
                stubs.providerModel(), StageRequest.Role.TRAINING));
    }

    @Test
    void stagesDataAndCreatesTheJob() {
        stubs.stageAccepted(wm);
        stubs.nothingSubmitted(wm);
        wm.stubFor(stubs.create().willReturn(stubs.created(stubs.providerJobId())));

        String training = stageTraining();
        SubmitRequest request = submitRequest(training);
        SubmittedJob job = adapter.submit(request);

        assertThat(training).isNotBlank();
        assertThat(job.providerJobId()).isEqualTo(stubs.providerJobId());
        assertThat(job.state()).isNotNull();
        assertThat(job.state().isTerminal()).isFalse();
        stubs.verifyCreate(wm, request);
    }

    @Test
    void followsProgressWithEventsAndMetrics() {
        String id = stubs.providerJobId();
        stubs.job(wm, id, Phase.RUNNING);

        ProviderJobSnapshot first = adapter.fetch(id, null);

        assertThat(first.state()).isEqualTo(ProviderJobState.RUNNING);
        assertThat(first.rawStatus()).isNotBlank();
        if (stubs.reportsEvents()) {
            assertThat(first.events()).isNotEmpty();
            assertThat(first.events()).allSatisfy(e -> assertThat(e.message()).isNotBlank());
        }
        if (stubs.reportsMetrics()) {
            assertThat(first.metrics()).isNotEmpty();
            assertThat(first.metrics()).anySatisfy(m -> assertThat(m.trainLoss()).isNotNull());
        }
        // asking again from the cursor repeats no event
        ProviderJobSnapshot second = adapter.fetch(id, first.nextEventCursor());
        Set<String> seen = new HashSet<>();
        first.events().forEach(e -> seen.add(e.id()));
        assertThat(second.events()).noneMatch(e -> seen.contains(e.id()));
    }

    @Test
    void succeedsWithTheFineTunedModel() {
        String id = stubs.providerJobId();
        stubs.job(wm, id, Phase.SUCCEEDED);

        ProviderJobSnapshot done = adapter.fetch(id, null);

        assertThat(done.state()).isEqualTo(ProviderJobState.SUCCEEDED);
        assertThat(done.fineTunedModel()).isEqualTo(stubs.fineTunedModel());
        assertThat(done.trainedTokens()).isEqualTo(stubs.trainedTokens());
        assertThat(done.error()).isNull();
    }

    @Test
    void reportsTheProvidersFailureReason() {
        String id = stubs.providerJobId();
        stubs.job(wm, id, Phase.FAILED);

        ProviderJobSnapshot failed = adapter.fetch(id, null);

        assertThat(failed.state()).isEqualTo(ProviderJobState.FAILED);
        assertThat(failed.error()).isNotNull();
        assertThat(failed.error().message()).contains(stubs.failureMessage());
    }

    @Test
    void cancels() {
        String id = stubs.providerJobId();
        stubs.cancelAccepted(wm, id);

        adapter.cancel(id);

        stubs.verifyCancel(wm, id);
        stubs.job(wm, id, Phase.CANCELLED);
        assertThat(adapter.fetch(id, null).state()).isEqualTo(ProviderJobState.CANCELLED);
    }

    @Test
    void findsAJobItCreatedEarlierByTheIdempotencyKey() {
        String key = UUID.randomUUID().toString();
        stubs.nothingSubmitted(wm);
        assertThat(adapter.findSubmitted(key)).isEmpty();

        wm.resetAll();
        stubs.submitted(wm, key, stubs.providerJobId());
        assertThat(adapter.findSubmitted(key)).map(SubmittedJob::providerJobId).contains(stubs.providerJobId());
    }

    @Test
    void waitsOutA429WithRetryAfterThenSucceeds() {
        stubs.stageAccepted(wm);
        stubs.nothingSubmitted(wm);
        wm.stubFor(stubs.create().inScenario("rate limited").whenScenarioStateIs(STARTED)
                .willReturn(stubs.error(429, "Rate limit reached for requests").withHeader("Retry-After", "1"))
                .willSetStateTo("after"));
        wm.stubFor(stubs.create().inScenario("rate limited").whenScenarioStateIs("after")
                .willReturn(stubs.created(stubs.providerJobId())));

        SubmittedJob job = adapter.submit(submitRequest(stageTraining()));

        assertThat(job.providerJobId()).isEqualTo(stubs.providerJobId());
        List<LoggedRequest> creates = wm.findAll(WireMock.requestMadeFor(stubs.create().build().getRequest()));
        assertThat(creates).hasSize(2);
        // the second attempt waited for the provider's Retry-After (1 s), not the 20 ms backoff
        assertThat(Duration.between(creates.get(0).getLoggedDate().toInstant(),
                creates.get(1).getLoggedDate().toInstant())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void retriesTwo500sThenSucceeds() {
        stubs.stageAccepted(wm);
        stubs.nothingSubmitted(wm);
        wm.stubFor(stubs.create().inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(stubs.error(500, "The server had an error")).willSetStateTo("failed once"));
        wm.stubFor(stubs.create().inScenario("flaky").whenScenarioStateIs("failed once")
                .willReturn(stubs.error(500, "The server had an error")).willSetStateTo("failed twice"));
        wm.stubFor(stubs.create().inScenario("flaky").whenScenarioStateIs("failed twice")
                .willReturn(stubs.created(stubs.providerJobId())));

        SubmittedJob job = adapter.submit(submitRequest(stageTraining()));

        assertThat(job.providerJobId()).isEqualTo(stubs.providerJobId());
        assertThat(wm.findAll(WireMock.requestMadeFor(stubs.create().build().getRequest()))).hasSize(3);
    }

    @Test
    void aPermanent400FailsWithTheProvidersMessageAndIsNotRetried() {
        stubs.stageAccepted(wm);
        stubs.nothingSubmitted(wm);
        wm.stubFor(stubs.create().willReturn(stubs.error(400, "Invalid hyperparameter: n_epochs must be at most 50")));

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.submit(submitRequest(stageTraining())));

        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).contains("n_epochs must be at most 50");
        assertThat(wm.findAll(WireMock.requestMadeFor(stubs.create().build().getRequest()))).hasSize(1);
    }

    @Test
    void garbageJsonFailsTheCallCleanly() {
        String id = stubs.providerJobId();
        stubs.job(wm, id, Phase.RUNNING);
        wm.stubFor(stubs.getJob(id).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{\"status\": \"runn")));

        assertThatThrownBy(() -> adapter.fetch(id, null))
                .isInstanceOf(TransientProviderException.class)
                .hasMessageContaining("not JSON");
    }

    @Test
    void aTimeoutFailsTheCallCleanly() {
        String id = stubs.providerJobId();
        stubs.job(wm, id, Phase.RUNNING);
        wm.stubFor(stubs.getJob(id).atPriority(1).willReturn(stubs.created(id).withFixedDelay(5_000)));

        TransientProviderException timedOut = catchThrowableOfType(TransientProviderException.class,
                () -> adapter.fetch(id, null));

        assertThat(timedOut).isNotNull();
        assertThat(timedOut.getMessage()).containsAnyOf("did not answer", "longer than its limit");
    }

    @Test
    void theCircuitOpensAfterRepeatedFailuresAndThenStopsCalling() {
        String id = stubs.providerJobId();
        wm.stubFor(stubs.getJob(id).willReturn(stubs.error(503, "Service unavailable")));

        TransientProviderException last = null;
        for (int i = 0; i < 6 && (last == null || !last.notSent()); i++) {
            last = catchThrowableOfType(TransientProviderException.class, () -> adapter.fetch(id, null));
        }
        int callsWhenOpen = wm.findAll(WireMock.requestMadeFor(stubs.getJob(id).build().getRequest())).size();
        TransientProviderException refused = catchThrowableOfType(TransientProviderException.class,
                () -> adapter.fetch(id, null));

        assertThat(last).isNotNull();
        assertThat(last.notSent()).isTrue();
        assertThat(refused.notSent()).isTrue();
        assertThat(refused.getMessage()).contains("circuit breaker is open");
        assertThat(wm.findAll(WireMock.requestMadeFor(stubs.getJob(id).build().getRequest()))).hasSize(callsWhenOpen);
    }
}
