package io.tunegate.job.internal;

import io.tunegate.cost.CostEstimator;
import io.tunegate.cost.Estimate;
import io.tunegate.dataset.DatasetRef;
import io.tunegate.dataset.Datasets;
import io.tunegate.job.JobRequest;
import io.tunegate.job.JobView;
import io.tunegate.job.domain.IllegalTransitionException;
import io.tunegate.job.domain.Job;
import io.tunegate.job.domain.JobDraft;
import io.tunegate.job.persistence.IdempotencyStore;
import io.tunegate.job.persistence.JobRepository;
import io.tunegate.job.tracking.JobTracker;
import io.tunegate.platform.Ids;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ProblemType;
import io.tunegate.provider.ProviderRouter;
import io.tunegate.provider.Providers;
import io.tunegate.provider.RoutePlan;
import io.tunegate.security.ProjectId;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

/** Creating and cancelling jobs. */
@Service
public class JobCommands {

    /** The answer to a create: a new job, or the stored first answer replayed for an Idempotency-Key. */
    public record Created(int status, String body, UUID jobId, boolean replayed) {
    }

    private final JobRequestValidator validator;
    private final ProviderRouter router;
    private final Providers providers;
    private final CostEstimator costs;
    private final JobRepository jobs;
    private final JobStore store;
    private final JobTransactions transactions;
    private final IdempotencyStore idempotency;
    private final JobTracker tracker;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final JsonMapper canonicalJson;
    private final Clock clock;
    private final Datasets datasets;

    JobCommands(JobRequestValidator validator, ProviderRouter router, Providers providers, CostEstimator costs,
                JobRepository jobs, JobStore store, JobTransactions transactions, IdempotencyStore idempotency,
                JobTracker tracker, TransactionTemplate tx, JsonMapper json, Clock clock, Datasets datasets) {
        this.datasets = datasets;
        this.validator = validator;
        this.router = router;
        this.providers = providers;
        this.costs = costs;
        this.jobs = jobs;
        this.store = store;
        this.transactions = transactions;
        this.idempotency = idempotency;
        this.tracker = tracker;
        this.tx = tx;
        this.json = json;
        this.canonicalJson = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        this.clock = clock;
    }

    public Created create(ProjectId project, JobRequest request, String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 255)) {
            throw ApiException.invalid("Idempotency-Key", "must be 1-255 characters");
        }
        byte[] hash = idempotencyKey == null ? null : hash(request);
        if (idempotencyKey != null) {
            var earlier = idempotency.find(project.value(), idempotencyKey);
            if (earlier.isPresent()) {
                return replay(earlier.get(), hash);
            }
        }
        JobDraft draft = draft(project, request);
        try {
            return tx.execute(status -> {
                Job job = store.save(Job.create(draft, clock.instant()));
                tracker.follow(job.id());
                String body = json.writeValueAsString(JobView.of(job));
                if (idempotencyKey != null) {
                    idempotency.insert(project.value(), idempotencyKey,
                            new IdempotencyStore.Entry(hash, job.id(), 201, body), clock.instant());
                }
                return new Created(201, body, job.id(), false);
            });
        } catch (DuplicateKeyException raced) {
            // a concurrent request with the same key committed first; ours rolled back whole
            return replay(idempotency.find(project.value(), idempotencyKey).orElseThrow(), hash);
        }
    }

    public JobView cancel(ProjectId project, UUID jobId) {
        jobs.findByIdAndProjectId(jobId, project.value()).orElseThrow(() -> ApiException.notFound("Job " + jobId));
        try {
            Job job = transactions.update(jobId, j -> j.requestCancel(clock.instant())).orElseThrow();
            tracker.wake(jobId);
            return JobView.of(job);
        } catch (IllegalTransitionException e) {
            throw new ApiException(ProblemType.CONFLICT, "The job has already ended, so it cannot be cancelled.");
        }
    }

    private JobDraft draft(ProjectId project, JobRequest request) {
        JobRequestValidator.Valid valid = validator.validate(request);
        checkDataset(project, "training_data", request.trainingData());
        checkDataset(project, "validation_data", request.validationData());
        RoutePlan plan = router.plan(valid.provider(), valid.fallbacks(), request.baseModel());
        Estimate estimate = costs.estimate(
                providers.require(plan.primary()).capabilities().pricePerMillionTrainingTokens(), null);
        return new JobDraft(Ids.newId(), project.value(), request.jobName(), request.baseModel(),
                request.trainingData(), request.validationData(), valid.hyperparameters(),
                request.providerOptions() == null ? Map.of() : Map.copyOf(request.providerOptions()),
                request.metadata() == null ? Map.of() : request.metadata(), valid.provider(), plan,
                request.budgetLimit(), estimate.amountUsd(), estimate.basis(), request.webhookUrl());
    }

    /** A {@code ds-...} reference must name a dataset of this project that passed validation. */
    private void checkDataset(ProjectId project, String field, String reference) {
        if (!DatasetRef.looksLikeOne(reference)) {
            return;
        }
        Datasets.DatasetSummary dataset = datasets.find(project, reference).orElseThrow(() ->
                ApiException.invalid(field, "no dataset " + reference + " in this project"));
        if (!dataset.valid()) {
            throw ApiException.invalid(field, "dataset " + reference + " did not pass validation; its report is at "
                    + "GET /v1/datasets/" + reference);
        }
    }

    private Created replay(IdempotencyStore.Entry earlier, byte[] hash) {
        if (!Arrays.equals(earlier.requestHash(), hash)) {
            throw new ApiException(ProblemType.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was first used with a different request body (job "
                            + earlier.jobId() + "). Use a new key for a new job.");
        }
        return new Created(earlier.responseStatus(), earlier.responseBody(), earlier.jobId(), true);
    }

    /** Same JSON meaning, same hash: field order and whitespace do not matter. */
    private byte[] hash(JobRequest request) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(canonicalJson.writeValueAsBytes(request));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
