package io.tunegate.provider.sandbox;

import io.tunegate.catalog.EpochRule;
import io.tunegate.catalog.Offer;

import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderCapabilities;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.ProviderJobStatus;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.TransientProviderException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A testing aid, not a provider: it plays a fine-tuning job (queued, running with a falling loss per step,
 * succeeded with a model id) so people can try Tunegate without provider keys and tests have a
 * deterministic provider. Per job, {@code provider_options.sandbox} may set {@code outcome}
 * ("succeed"/"fail"), {@code duration_seconds}, {@code steps}, {@code submit_error} ("transient"/"permanent"),
 * {@code transient_errors} (how many first calls fail transiently), {@code lose_submit_answers} (how many first
 * submissions create the job and then time out, as a lost answer would) and {@code latency_ms}. A training
 * job can be paused (it trains no further) and resumed.
 */
class SandboxProvider implements ProviderAdapter {

    static final String ID = "sandbox";

    private final SandboxSettings settings;
    private final SandboxJobStore store;
    private final Clock clock;
    private final Map<String, SandboxOptions> optionsByJob = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> injectedErrorsLeft = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> lostAnswersLeft = new ConcurrentHashMap<>();

    SandboxProvider(SandboxSettings settings, SandboxJobStore store, Clock clock) {
        this.settings = settings;
        this.store = store;
        this.clock = clock;
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public ProviderCapabilities capabilities() {
        // pausable, so the gateway's pause and resume can be tried and tested without a provider account
        return new ProviderCapabilities(settings.pollInterval(), true);
    }

    /**
     * Any base model, at the configured price (0 by default): the sandbox trains nothing, so it can pretend
     * to train everything, within generous limits.
     */
    @Override
    public Optional<Offer> anyModelOffer(String baseModel) {
        return Optional.of(new Offer(baseModel, ID, baseModel, List.of(), settings.pricePerMillionTokens(), null, true,
                new EpochRule(1, 100, null), 131_072, 1, Long.MAX_VALUE, false,
                Set.of("system", "user", "assistant", "tool"), null, null, null,
                "the sandbox is a testing aid: it trains nothing"));
    }

    @Override
    public void validateOptions(Map<String, Object> options) {
        SandboxOptions.validate(options);
    }

    @Override
    public String stage(StageRequest request) {
        pause(settings.callLatency());
        return request.dataset();
    }

    @Override
    public SubmittedJob submit(SubmitRequest request) {
        SandboxOptions options = SandboxOptions.from(request.options());
        optionsByJob.put(request.idempotencyKey(), options);
        misbehave(request.idempotencyKey(), options);
        if ("permanent".equals(options.submitError())) {
            throw new PermanentProviderException(ID, "invalid_request",
                    "The sandbox refused the job because provider_options.sandbox.submit_error is 'permanent'");
        }
        if ("transient".equals(options.submitError())) {
            throw new TransientProviderException(ID, "The sandbox is unavailable (submit_error is 'transient')",
                    Duration.ofSeconds(1), null);
        }
        SandboxJob job = store.createOnce(new SandboxJob("sbx-" + UUID.randomUUID(), request.idempotencyKey(),
                request.baseModel(), outcomeFor(request.idempotencyKey(), options),
                options.steps() != null ? options.steps() : settings.steps(),
                options.duration() != null ? options.duration() : settings.jobDuration(),
                settings.tokensPerStep() * (options.steps() != null ? options.steps() : settings.steps()),
                clock.instant(), null));
        if (options.lostSubmitAnswers() > 0 && lostAnswersLeft.computeIfAbsent(request.idempotencyKey(),
                k -> new AtomicInteger(options.lostSubmitAnswers())).getAndDecrement() > 0) {
            throw new TransientProviderException(ID, "The sandbox created the job but the answer was lost (timeout)");
        }
        ProviderJobSnapshot now = SandboxScript.at(job, clock.instant(), null);
        return new SubmittedJob(job.id(), now.state(), now.rawStatus());
    }

    @Override
    public Optional<SubmittedJob> findSubmitted(String idempotencyKey) {
        return store.findByClientToken(idempotencyKey).map(job -> {
            ProviderJobSnapshot now = SandboxScript.at(job, clock.instant(), null);
            return new SubmittedJob(job.id(), now.state(), now.rawStatus());
        });
    }

    @Override
    public ProviderJobSnapshot fetch(String providerJobId, String eventCursor) {
        SandboxJob job = existing(providerJobId);
        misbehave(job.clientToken(), optionsByJob.getOrDefault(job.clientToken(), SandboxOptions.NONE));
        ProviderJobSnapshot snapshot = SandboxScript.at(job, clock.instant(), eventCursor);
        if (snapshot.state().isTerminal()) {
            optionsByJob.remove(job.clientToken());
            injectedErrorsLeft.remove(job.clientToken());
            lostAnswersLeft.remove(job.clientToken());
        }
        return snapshot;
    }

    @Override
    public void cancel(String providerJobId) {
        SandboxJob job = existing(providerJobId);
        misbehave(job.clientToken(), optionsByJob.getOrDefault(job.clientToken(), SandboxOptions.NONE));
        store.markCancelled(providerJobId, clock.instant());
    }

    /** Pauses a training job (a paused one stays paused); a queued or ended one is refused, as a provider would. */
    @Override
    public ProviderJobStatus pause(String providerJobId) {
        return switchPause(providerJobId, ProviderJobState.RUNNING, ProviderJobState.PAUSED,
                "only a training job can be paused");
    }

    /** Resumes a paused job (a training one is left as it is); a queued or ended one is refused. */
    @Override
    public ProviderJobStatus resume(String providerJobId) {
        return switchPause(providerJobId, ProviderJobState.PAUSED, ProviderJobState.RUNNING,
                "only a paused job can be resumed");
    }

    /** Moves a job in state {@code from} to {@code to} (one more instant in its pauses); one in {@code to} stays. */
    private ProviderJobStatus switchPause(String providerJobId, ProviderJobState from, ProviderJobState to,
                                          String refusal) {
        SandboxJob job = existing(providerJobId);
        misbehave(job.clientToken(), optionsByJob.getOrDefault(job.clientToken(), SandboxOptions.NONE));
        Instant now = storable(clock.instant());
        ProviderJobSnapshot before = SandboxScript.at(job, now, null);
        if (before.state() == from) {
            store.switchPause(providerJobId, now, to == ProviderJobState.PAUSED);
        } else if (before.state() != to) {
            throw new PermanentProviderException(ID, "invalid_state", "Sandbox job " + providerJobId + " is "
                    + before.rawStatus() + "; " + refusal);
        }
        return status(providerJobId, now);
    }

    /** PostgreSQL keeps microseconds, rounding: a pause stored from nanoseconds could land after "now". */
    private static Instant storable(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    private ProviderJobStatus status(String providerJobId, Instant now) {
        ProviderJobSnapshot after = SandboxScript.at(existing(providerJobId), now, null);
        return new ProviderJobStatus(after.state(), after.rawStatus());
    }

    private SandboxJob existing(String providerJobId) {
        return store.find(providerJobId).orElseThrow(() -> new PermanentProviderException(ID, "not_found",
                "No sandbox job " + providerJobId));
    }

    private SandboxJob.Outcome outcomeFor(String clientToken, SandboxOptions options) {
        if (options.outcome() != null) {
            return options.outcome();
        }
        // repeatable per job: the same job id always gets the same outcome
        double draw = (clientToken.hashCode() & 0x7fffffff) / (double) Integer.MAX_VALUE;
        return draw < settings.failureRate() ? SandboxJob.Outcome.FAIL : SandboxJob.Outcome.SUCCEED;
    }

    /** Latency and transient errors, as asked by settings or the job's options. */
    private void misbehave(String clientToken, SandboxOptions options) {
        pause(options.latency() != null ? options.latency() : settings.callLatency());
        if (options.transientErrors() > 0) {
            int left = injectedErrorsLeft.computeIfAbsent(clientToken,
                    k -> new AtomicInteger(options.transientErrors())).getAndDecrement();
            if (left > 0) {
                throw new TransientProviderException(ID, "Sandbox transient error (" + left + " more asked for)",
                        Duration.ofMillis(200), null);
            }
        }
        if (settings.transientErrorRate() > 0 && ThreadLocalRandom.current().nextDouble() < settings.transientErrorRate()) {
            throw new TransientProviderException(ID, "Sandbox transient error (transient-error-rate)");
        }
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientProviderException(ID, "Interrupted");
        }
    }
}
