package io.tunegate.job.internal;

import io.tunegate.budget.Budgets;
import io.tunegate.cost.ProviderQuote;
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

    private final JobAdmission admissions;
    private final Budgets budgets;
    private final JobRepository jobs;
    private final JobStore store;
    private final JobTransactions transactions;
    private final IdempotencyStore idempotency;
    private final JobTracker tracker;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final JsonMapper canonicalJson;
    private final Clock clock;

    JobCommands(JobAdmission admissions, Budgets budgets, JobRepository jobs, JobStore store,
                JobTransactions transactions, IdempotencyStore idempotency, JobTracker tracker, TransactionTemplate tx,
                JsonMapper json, Clock clock) {
        this.admissions = admissions;
        this.budgets = budgets;
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
        JobAdmission.Admission admission = admissions.admit(project, request);
        JobDraft draft = draft(project, admission, request);
        try {
            return tx.execute(status -> {
                Job job = Job.create(draft, clock.instant());
                // in this transaction: a refusal leaves no job, and the reservation commits with the job
                JobStore.noteThresholds(job, budgets.reserve(project, new Budgets.Reservation(job.id(),
                        job.provider(), job.baseModel(), job.jobName(), admission.reservation())));
                job = store.save(job);
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

    /** What the job would cost on every provider, and where {@code auto} would send it: nothing is created. */
    public io.tunegate.cost.Quote estimate(ProjectId project, JobRequest request) {
        return admissions.quote(project, request);
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

    private JobDraft draft(ProjectId project, JobAdmission.Admission admission, JobRequest request) {
        ProviderQuote primary = admission.primary();
        String basis = JobAdmission.basis(primary);
        return new JobDraft(Ids.newId(), project.value(), request.jobName(), request.baseModel(),
                request.trainingData(), request.validationData(), datasetOrNull(request.trainingData()),
                datasetOrNull(request.validationData()), admission.valid().hyperparameters(),
                request.providerOptions() == null ? Map.of() : Map.copyOf(request.providerOptions()),
                request.metadata() == null ? Map.of() : request.metadata(), admission.valid().provider(),
                admission.plan(), request.budgetLimit(), primary.totalUsd(), basis,
                json.writeValueAsString(admission.quote()), request.webhookUrl());
    }

    private static String datasetOrNull(String reference) {
        return io.tunegate.dataset.DatasetRef.looksLikeOne(reference) ? reference : null;
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
