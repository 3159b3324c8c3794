package io.tunegate.job.tracking;

import io.tunegate.catalog.Availability;
import io.tunegate.catalog.Offer;
import io.tunegate.cost.Quoter;
import io.tunegate.job.JobSettings;
import io.tunegate.job.JobStatus;
import io.tunegate.job.domain.Job;
import io.tunegate.job.internal.JobMeters;
import io.tunegate.job.internal.JobTransactions;
import io.tunegate.job.persistence.JobRepository;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderException;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.Providers;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.SubmittedJob;
import io.tunegate.provider.TransientProviderException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Moves one job one step: accept, submit, poll or cancel, then says when to look again. Provider calls are
 * made outside any transaction; each outcome is saved in its own short one. db-scheduler runs this for one
 * job on one instance at a time, and a crash between steps only repeats the last step: submission is
 * idempotent on the gateway job id, and a job found in {@code submitting} is first looked up at the provider.
 */
@Component
class JobDriver {

    private static final Logger log = LoggerFactory.getLogger(JobDriver.class);
    /** How often a job waiting for a provider slot looks again, besides being woken when a slot frees. */
    private static final Duration SLOT_RECHECK = Duration.ofSeconds(15);

    private final JobRepository jobs;
    private final JobTransactions transactions;
    private final Providers providers;
    private final Quoter quoter;
    private final BudgetGuard budgetGuard;
    private final RemoteDataStep remoteData;
    private final JobMeters meters;
    private final JobSettings settings;
    private final Clock clock;
    private final ProviderSlots slots;

    JobDriver(JobRepository jobs, JobTransactions transactions, Providers providers, Quoter quoter,
              JobMeters meters, JobSettings settings, Clock clock, BudgetGuard budgetGuard, RemoteDataStep remoteData,
              ProviderSlots slots) {
        this.slots = slots;
        this.remoteData = remoteData;
        this.budgetGuard = budgetGuard;
        this.jobs = jobs;
        this.transactions = transactions;
        this.providers = providers;
        this.quoter = quoter;
        this.meters = meters;
        this.settings = settings;
        this.clock = clock;
    }

    Next drive(UUID jobId) {
        Job job = jobs.findById(jobId).orElse(null);
        if (job == null || job.status().isTerminal()) {
            return Next.DONE;
        }
        if (job.status() == JobStatus.VALIDATING && job.needsDataImport()) {
            // s3:// or https:// data: import, count and price it before anything goes to a provider
            return new Next(remoteData.run(job));
        }
        Optional<ProviderAdapter> adapter = providers.find(job.provider());
        if (adapter.isEmpty()) {
            return providerGone(job);
        }
        if (job.status() == JobStatus.VALIDATING) {
            // datasets were checked when the job was created, or imported above
            job = update(job, j -> j.accept("Input accepted; waiting for " + j.provider(), now()));
            // straight on to submission: another round through the scheduler would only add latency
        }
        if (job.status() == JobStatus.CANCELLING) {
            return cancel(job, adapter.get());
        }
        return job.awaitingSubmission() ? submit(job, adapter.get()) : poll(job, adapter.get());
    }

    private Next submit(Job job, ProviderAdapter adapter) {
        String key = job.id().toString();
        if (job.submitAttempts() > 0) {
            // an earlier attempt may have created the job even though it failed or we crashed (a timeout
            // tells nothing): look before submitting again
            try {
                Optional<SubmittedJob> found = adapter.findSubmitted(key);
                if (found.isPresent()) {
                    update(job, j -> j.adopt(found.get(), now()));
                    return now(pollInterval(adapter));
                }
            } catch (ProviderException e) {
                return deferSubmission(job, e);
            }
            if (job.submitAttempts() >= settings.maxSubmitAttempts()) {
                return refused(job, "provider_unavailable", adapter.id() + " did not accept the job after "
                        + job.submitAttempts() + " attempts");
            }
        }
        if (job.submitAttempts() == 0) {
            Optional<Next> passedOver = passOverIfUnavailable(job, adapter);
            if (passedOver.isPresent()) {
                return passedOver.get();
            }
        }
        ProviderSlots.Claim[] claim = {ProviderSlots.Claim.UNLIMITED};
        Job submitting = update(job, j -> {
            if (!j.awaitingSubmission() || j.status() == JobStatus.CANCELLING) {
                return;
            }
            claim[0] = slots.claim(j);
            if (claim[0].granted()) {
                j.startSubmission(now());
            } else {
                j.waitForSlot(j.provider() + " already runs " + claim[0].inUse() + " of its " + claim[0].max()
                        + " concurrent jobs for this gateway; waiting in line (" + claim[0].ahead() + " ahead)",
                        Map.of("provider", j.provider(), "in_use", claim[0].inUse(), "max", claim[0].max(),
                                "ahead", claim[0].ahead()), now());
            }
        });
        if (!claim[0].granted()) {
            return now(SLOT_RECHECK);
        }
        if (submitting.status() != JobStatus.SUBMITTING) {
            return now(Duration.ZERO);
        }
        String providerModel = quoter.offer(adapter.id(), job.baseModel()).map(Offer::modelId).orElse(job.baseModel());
        String training;
        String validation;
        try {
            training = adapter.stage(new StageRequest(job.id(), job.projectId(), job.trainingDataset(),
                    providerModel, StageRequest.Role.TRAINING));
            validation = job.validationDataset() == null ? null : adapter.stage(new StageRequest(job.id(),
                    job.projectId(), job.validationDataset(), providerModel, StageRequest.Role.VALIDATION));
        } catch (TransientProviderException e) {
            return stagingFailed(submitting, adapter, e);
        } catch (PermanentProviderException e) {
            return refused(job, e.code(), e.getMessage());
        }
        SubmittedJob submitted;
        try {
            submitted = adapter.submit(new SubmitRequest(key, job.jobName(), job.baseModel(), providerModel, training,
                    validation, job.hyperparameters(), options(job, adapter)));
        } catch (TransientProviderException e) {
            if (e.notSent() && submitting.submitAttempts() == 1 && submitting.hasFallback()) {
                // the circuit opened or the provider is saturated: nothing reached it, so moving on is safe
                return passOver(submitting, "provider_unavailable", adapter.id() + " is unavailable (" + e.getMessage() + ")");
            }
            return deferSubmission(submitting, e);
        } catch (PermanentProviderException e) {
            return refused(job, e.code(), e.getMessage());
        }
        Job accepted = update(job, j -> j.submitted(submitted, now()));
        meters.submitted(accepted);
        return now(pollInterval(adapter));
    }

    /**
     * Before a provider's first attempt: a provider that stopped accepting training for the model since the
     * job was routed (the job waited past the date) or whose circuit is open is passed over for the next one
     * of the plan. An open circuit with no fallback left is simply tried: the call fails fast and the job waits.
     */
    private Optional<Next> passOverIfUnavailable(Job job, ProviderAdapter adapter) {
        Optional<Offer> offer = quoter.offer(adapter.id(), job.baseModel());
        Availability availability = offer.map(o -> o.availabilityOn(LocalDate.ofInstant(now(), ZoneOffset.UTC)))
                .orElse(null);
        if (availability != null && !availability.open()) {
            return Optional.of(passOver(job, "training_unavailable", availability.reason()));
        }
        if (!providers.callsPermitted(adapter.id()) && job.hasFallback()) {
            return Optional.of(passOver(job, "provider_unavailable", adapter.id()
                    + "'s circuit breaker is open after repeated failures"));
        }
        return Optional.empty();
    }

    private Next passOver(Job job, String code, String why) {
        String from = job.provider();
        Job after = update(job, j -> {
            if (j.awaitingSubmission() && j.status() != JobStatus.CANCELLING) {
                j.passOver(code, why, now());
            }
        });
        slots.slotFreed(from);
        return after.status().isTerminal() ? Next.DONE : now(Duration.ZERO);
    }

    /**
     * No job can exist at the provider after a staging failure, so the job may move on: at once when the
     * provider is out of reach (circuit open) and a fallback is left, or after as many failures as a
     * submission may have; otherwise it tries again after a backoff.
     */
    private Next stagingFailed(Job job, ProviderAdapter adapter, TransientProviderException e) {
        Duration wait = Backoff.after(job.stagingFailures() + 1, settings.submitRetryBackoff(), settings.maxBackoff(),
                e.retryAfter().orElse(null));
        Instant retryAt = now().plus(wait);
        Job after = update(job, j -> {
            if (j.status() == JobStatus.SUBMITTING) {
                j.stagingFailed(e.getMessage(), retryAt, now());
            }
        });
        boolean unreachable = e.notSent() || !providers.callsPermitted(adapter.id());
        if (after.awaitingSubmission() && after.submitAttempts() == 0
                && (after.stagingFailures() >= settings.maxSubmitAttempts() || unreachable && after.hasFallback())) {
            return passOver(after, "provider_unavailable", adapter.id() + " could not take the training data: "
                    + e.getMessage());
        }
        return new Next(retryAt);
    }

    private Next deferSubmission(Job job, ProviderException e) {
        Duration hint = e instanceof TransientProviderException t ? t.retryAfter().orElse(null) : null;
        Duration wait = Backoff.after(Math.max(1, job.submitAttempts()), settings.submitRetryBackoff(),
                settings.maxBackoff(), hint);
        Instant retryAt = now().plus(wait);
        update(job, j -> {
            if (j.status() == JobStatus.SUBMITTING) {
                j.submissionDeferred(e.getMessage(), retryAt, now());
            }
        });
        return new Next(retryAt);
    }

    private Next refused(Job job, String code, String reason) {
        // only called once the provider is known to have no job: refused outright, or looked up and not found
        Job after = update(job, j -> {
            if (j.status() == JobStatus.CANCELLING) {
                j.cancelledBeforeProvider(now());
            } else if (j.awaitingSubmission()) {
                j.fallBack(code, reason, now());
            }
        });
        slots.slotFreed(job.provider());
        return after.status().isTerminal() ? Next.DONE : now(Duration.ZERO);
    }

    private Next poll(Job job, ProviderAdapter adapter) {
        ProviderJobSnapshot snapshot;
        Instant askedAt = now();
        try {
            snapshot = adapter.fetch(job.providerJobId(), job.providerEventCursor());
        } catch (ProviderException e) {
            return pollFailed(job, adapter, e);
        }
        BigDecimal price = quoter.pricePerMillionTokens(job.provider(), job.baseModel()).orElse(null);
        Function<Long, BigDecimal> costOf = tokens -> price == null ? null : Quoter.cost(price, tokens);
        boolean[] overspending = {false};
        Job after = update(job, j -> {
            j.apply(snapshot, costOf, askedAt, now());
            overspending[0] = budgetGuard.check(j, snapshot, costOf, now());
        });
        if (overspending[0]) {
            return now(Duration.ZERO); // send the cancel at once
        }
        if (after.status().isTerminal()) {
            slots.slotFreed(after.provider());
            return Next.DONE;
        }
        return now(pollInterval(adapter));
    }

    private Next pollFailed(Job job, ProviderAdapter adapter, ProviderException e) {
        Job after = update(job, j -> {
            Instant since = j.pollFailed(e.getMessage(), now());
            if (Duration.between(since, now()).compareTo(settings.maxUnreachable()) > 0) {
                j.fail("tracking_lost", j.provider() + " has not answered about the job since " + since
                        + "; last error: " + e.getMessage(), now());
            }
        });
        if (after.status().isTerminal()) {
            return Next.DONE;
        }
        Duration hint = e instanceof TransientProviderException t ? t.retryAfter().orElse(null) : null;
        return now(Backoff.after(after.pollFailures(), pollInterval(adapter), settings.maxBackoff(), hint));
    }

    /** Unexpected errors keep coming (not a database outage): end the job visibly rather than loop forever. */
    void giveUp(UUID jobId, Throwable cause) {
        transactions.update(jobId, j -> {
            if (!j.status().isTerminal()) {
                j.fail("internal_error", "The gateway could not process this job (" + cause.getClass().getSimpleName()
                        + "); see the gateway log", now());
            }
        });
    }

    private Next cancel(Job job, ProviderAdapter adapter) {
        if (job.providerJobId() == null) {
            try {
                Optional<SubmittedJob> found = adapter.findSubmitted(job.id().toString());
                update(job, j -> found.ifPresentOrElse(f -> j.adopt(f, now()), () -> j.cancelledBeforeProvider(now())));
            } catch (ProviderException e) {
                return pollFailed(job, adapter, e);
            }
            return now(Duration.ZERO);
        }
        if (job.needsProviderCancel()) {
            try {
                adapter.cancel(job.providerJobId());
            } catch (TransientProviderException e) {
                return pollFailed(job, adapter, e);
            } catch (PermanentProviderException e) {
                // typically "already finished": the next status read tells how the job ended
                log.info("Cancel of job {} refused by {}: {}", job.id(), job.provider(), e.getMessage());
            }
            job = update(job, j -> j.cancelSent(now()));
        }
        return poll(job, adapter);
    }

    private Next providerGone(Job job) {
        if (job.status() == JobStatus.VALIDATING || job.awaitingSubmission() && job.status() == JobStatus.QUEUED) {
            return refused(job, "provider_unavailable", job.provider() + " is not enabled on this gateway");
        }
        // a job already at a provider that was switched off: keep trying, slowly, until it is back
        log.warn("Job {} is at provider {}, which is not enabled; will look again later", job.id(), job.provider());
        return now(settings.maxBackoff());
    }

    private Map<String, Object> options(Job job, ProviderAdapter adapter) {
        Object own = job.providerOptions().get(adapter.id());
        @SuppressWarnings("unchecked")
        Map<String, Object> options = own instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        return options;
    }

    private Duration pollInterval(ProviderAdapter adapter) {
        Duration own = adapter.capabilities().pollInterval();
        return own != null ? own : settings.pollInterval();
    }

    private Job update(Job job, java.util.function.Consumer<Job> change) {
        return transactions.update(job.id(), change).orElseThrow();
    }

    private Instant now() {
        return clock.instant();
    }

    private Next now(Duration delay) {
        return new Next(now().plus(delay));
    }
}
