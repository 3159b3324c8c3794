package io.tunegate.job.domain;

import io.tunegate.job.JobCancelled;
import io.tunegate.job.JobFailed;
import io.tunegate.job.JobStatus;
import io.tunegate.job.JobQueued;
import io.tunegate.job.JobRunning;
import io.tunegate.job.JobSucceeded;
import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.RoutePlan;
import io.tunegate.provider.SubmittedJob;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;
import org.springframework.data.domain.AbstractAggregateRoot;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The Job aggregate: a fine-tuning job from request to its end. It guards its own state machine, appends an
 * event for every change, and registers domain events for other modules when it ends. JPA maps it directly
 * (annotations are metadata only; no persistence logic lives here), which spares a parallel entity class.
 */
@Entity
@Table(name = "jobs")
public class Job extends AbstractAggregateRoot<Job> {

    private static final Map<JobStatus, Set<JobStatus>> ALLOWED = Map.of(
            JobStatus.VALIDATING, EnumSet.of(JobStatus.QUEUED, JobStatus.FAILED, JobStatus.CANCELLED),
            // queued and submitting may go straight to paused: a job found or polled paused at its provider
            JobStatus.QUEUED, EnumSet.of(JobStatus.SUBMITTING, JobStatus.RUNNING, JobStatus.PAUSED,
                    JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLING, JobStatus.CANCELLED),
            JobStatus.SUBMITTING, EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.PAUSED,
                    JobStatus.SUCCEEDED, JobStatus.FAILED, JobStatus.CANCELLING, JobStatus.CANCELLED),
            JobStatus.RUNNING, EnumSet.of(JobStatus.PAUSED, JobStatus.SUCCEEDED, JobStatus.FAILED,
                    JobStatus.CANCELLING, JobStatus.CANCELLED),
            // queued again only for a job paused before it ever started
            JobStatus.PAUSED, EnumSet.of(JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.SUCCEEDED,
                    JobStatus.FAILED, JobStatus.CANCELLING, JobStatus.CANCELLED),
            JobStatus.CANCELLING, EnumSet.of(JobStatus.CANCELLED, JobStatus.SUCCEEDED, JobStatus.FAILED),
            JobStatus.SUCCEEDED, EnumSet.noneOf(JobStatus.class),
            JobStatus.FAILED, EnumSet.noneOf(JobStatus.class),
            JobStatus.CANCELLED, EnumSet.noneOf(JobStatus.class));

    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    /** States that only exist once the provider has the job. */
    private static final Set<JobStatus> AT_PROVIDER = EnumSet.of(JobStatus.RUNNING, JobStatus.PAUSED,
            JobStatus.SUCCEEDED);

    @Id
    private UUID id;
    private UUID projectId;
    private String jobName;
    private String baseModel;
    private String trainingData;
    private String validationData;
    /** The dataset (ds-...) the training data is: given, or imported from s3:// / https:// while validating. */
    private String trainingDataset;
    private String validationDataset;
    @Convert(converter = JsonConverters.HyperparametersJson.class)
    @Column(columnDefinition = "jsonb")
    private Hyperparameters hyperparameters;
    @Convert(converter = JsonConverters.ObjectMapJson.class)
    @Column(columnDefinition = "jsonb")
    private Map<String, Object> providerOptions;
    @Convert(converter = JsonConverters.StringMapJson.class)
    @Column(columnDefinition = "jsonb")
    private Map<String, String> metadata;
    private String requestedProvider;
    @Convert(converter = JsonConverters.StringListJson.class)
    @Column(columnDefinition = "jsonb")
    private List<String> providerPlan;
    private int planPosition;
    private String provider;
    private String providerJobId;
    @Convert(converter = JsonConverters.StatusColumn.class)
    private JobStatus status;
    private String providerStatus;
    private BigDecimal budgetLimit;
    private BigDecimal estimatedCostUsd;
    private String estimateBasis;
    /** The quote the job was routed on (JSON), as POST /v1/estimates shows it. */
    @Column(columnDefinition = "jsonb")
    private String estimate;
    private BigDecimal actualCostUsd;
    private Long trainedTokens;
    /** The share of the training done, 0..1, as the provider last told it; a poll that does not tell keeps it. */
    private Double progress;
    private String fineTunedModel;
    private String errorCode;
    private String errorMessage;
    private String webhookUrl;
    private int submitAttempts;
    private int stagingFailures;
    private Instant slotWaitSince;
    private int pollFailures;
    private Instant pollFailingSince;
    private boolean cancelSent;
    private String providerEventCursor;
    private int lastEventSeq;
    private Instant createdAt;
    private Instant updatedAt;
    private Instant startedAt;
    private Instant finishedAt;
    /**
     * When the provider last accepted a pause or resume asked through the API. A poll that asked the provider
     * before then may carry the old state; it must not undo the change.
     */
    private Instant pauseChangedAt;
    @Version
    private Long version;

    @Transient
    private final List<JobEvent> newEvents = new ArrayList<>();
    @Transient
    private final List<MetricPoint> newMetrics = new ArrayList<>();

    protected Job() {
    }

    /** A new job, validated and routed by the caller, starting in {@code validating}. */
    public static Job create(JobDraft draft, Instant now) {
        Job job = new Job();
        job.id = draft.id();
        job.projectId = draft.projectId();
        job.jobName = draft.jobName();
        job.baseModel = draft.baseModel();
        job.trainingData = draft.trainingData();
        job.validationData = draft.validationData();
        job.trainingDataset = draft.trainingDataset();
        job.validationDataset = draft.validationDataset();
        job.hyperparameters = draft.hyperparameters();
        job.providerOptions = draft.providerOptions();
        job.metadata = draft.metadata();
        job.requestedProvider = draft.requestedProvider();
        job.providerPlan = List.copyOf(draft.plan().providers());
        job.planPosition = 0;
        job.provider = draft.plan().primary();
        job.budgetLimit = draft.budgetLimit();
        job.estimatedCostUsd = draft.estimatedCostUsd();
        job.estimateBasis = draft.estimateBasis();
        job.estimate = draft.estimateJson();
        job.webhookUrl = draft.webhookUrl();
        job.status = JobStatus.VALIDATING;
        job.createdAt = now;
        job.updatedAt = now;
        job.record(JobEvent.CREATED, "Job created; route: " + draft.plan().reason(),
                Map.of("provider_plan", job.providerPlan), now);
        return job;
    }

    /** The gateway accepted the job's input; it now waits for its provider. */
    public void accept(String note, Instant now) {
        moveTo(JobStatus.QUEUED, providerStatus, note, now);
    }

    public boolean awaitingSubmission() {
        return (status == JobStatus.QUEUED || status == JobStatus.SUBMITTING) && providerJobId == null;
    }

    public void startSubmission(Instant now) {
        submitAttempts++;
        slotWaitSince = null;
        moveTo(JobStatus.SUBMITTING, null, "Submitting to " + provider + " (attempt " + submitAttempts + ")", now);
    }

    /**
     * The provider accepted the job. If a cancel arrived meanwhile the job stays {@code cancelling}; keeping
     * the provider's id is what lets the cancel reach the provider.
     */
    public void submitted(SubmittedJob submitted, Instant now) {
        if (providerJobId != null && !providerJobId.equals(submitted.providerJobId())) {
            // never silently swap jobs: the first one is the one we follow (and bill against)
            record(JobEvent.STATUS_CHANGED, provider + " reported a second job " + clean(submitted.providerJobId())
                    + "; still following " + providerJobId, Map.of(), now);
            touch(now);
            return;
        }
        providerJobId = clean(submitted.providerJobId());
        if (status == JobStatus.CANCELLING) {
            providerStatus = submitted.rawStatus();
            record(JobEvent.STATUS_CHANGED, provider + " created job " + providerJobId
                    + " while a cancel was pending; cancelling it", Map.of("provider_job_id", providerJobId), now);
            touch(now);
            return;
        }
        moveTo(statusOnArrival(submitted.state()), clean(submitted.rawStatus()),
                provider + " accepted the job as " + providerJobId, now);
    }

    /** A transient failure: back to the queue, to be tried again. */
    public void submissionDeferred(String reason, Instant retryAt, Instant now) {
        moveTo(JobStatus.QUEUED, providerStatus, "Submission to " + provider + " failed transiently: " + reason,
                now, JobEvent.SUBMISSION_RETRY, Map.of("retry_at", retryAt.toString(), "attempt", submitAttempts));
    }

    /**
     * A permanent refusal: try the next provider of the plan, or fail when none is left.
     *
     * @return whether another provider will be tried
     */
    public boolean fallBack(String code, String reason, Instant now) {
        return passOver(code, provider + " refused the job: " + reason, now);
    }

    /**
     * The job cannot go to its provider (circuit open, training no longer accepted, refused): move on to the
     * next provider of the plan, or fail when none is left. Only for a provider known to hold no job of ours.
     *
     * @param why a whole sentence naming the provider and the reason
     * @return whether another provider will be tried
     */
    public boolean passOver(String code, String why, Instant now) {
        if (planPosition + 1 >= providerPlan.size()) {
            fail(code, why, now);
            return false;
        }
        String from = provider;
        planPosition++;
        provider = providerPlan.get(planPosition);
        submitAttempts = 0;
        stagingFailures = 0;
        slotWaitSince = null;
        moveTo(JobStatus.QUEUED, null, why + "; falling back to " + provider, now, JobEvent.FALLBACK,
                Map.of("from", from, "to", provider, "reason", code));
        return true;
    }

    /**
     * Putting the data where the provider reads it failed transiently. The provider's job API was not called,
     * so this attempt cannot have created a job and does not count as one: a later attempt need not look for
     * it, and the job may still move to another provider.
     */
    public void stagingFailed(String reason, Instant retryAt, Instant now) {
        submitAttempts--;
        stagingFailures++;
        moveTo(JobStatus.QUEUED, providerStatus, "Staging the data at " + provider + " failed transiently: " + reason,
                now, JobEvent.SUBMISSION_RETRY, Map.of("retry_at", retryAt.toString(), "staging_failures", stagingFailures));
    }

    public int stagingFailures() {
        return stagingFailures;
    }

    /** Whether the plan has a provider after the current one. */
    public boolean hasFallback() {
        return planPosition + 1 < providerPlan.size();
    }

    /**
     * The provider has no free job slot: the job waits in {@code queued}, first in, first out. Noted once per
     * wait, so a job checked every few seconds does not fill its history.
     */
    public void waitForSlot(String reason, Map<String, Object> data, Instant now) {
        if (slotWaitSince == null) {
            slotWaitSince = now;
            record(JobEvent.WAITING_FOR_SLOT, reason, data, now);
            touch(now);
        }
    }

    public Instant slotWaitSince() {
        return slotWaitSince;
    }

    /** Applies what the provider reports: its events, curve, tokens, model and status. */
    public void apply(ProviderJobSnapshot snapshot, Function<Long, BigDecimal> costOfTokens, Instant now) {
        apply(snapshot, costOfTokens, null, now);
    }

    /**
     * Applies what the provider reported when it was asked at {@code askedAt} (null: unknown). An answer
     * asked for before a pause or resume was accepted may still show the state before it: its status is
     * ignored then, unless it is an ending (an ending is final whenever it was read).
     */
    public void apply(ProviderJobSnapshot snapshot, Function<Long, BigDecimal> costOfTokens, Instant askedAt,
                      Instant now) {
        pollFailures = 0;
        pollFailingSince = null;
        for (ProviderJobSnapshot.Event event : snapshot.events()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("provider_event_id", clean(event.id()));
            data.put("level", clean(event.level()));
            data.put("provider_created_at", event.createdAt() == null ? null : event.createdAt().toString());
            record(JobEvent.PROVIDER_MESSAGE, clean(event.message()), data, now);
        }
        if (snapshot.nextEventCursor() != null) {
            providerEventCursor = clean(snapshot.nextEventCursor());
        }
        for (ProviderJobSnapshot.MetricPoint point : snapshot.metrics()) {
            newMetrics.add(new MetricPoint(point.step(), finite(point.epoch()), finite(point.trainLoss()),
                    finite(point.validLoss()), finiteValues(point.extra()), now));
        }
        if (snapshot.trainedTokens() != null && snapshot.trainedTokens() >= 0) {
            trainedTokens = snapshot.trainedTokens();
        }
        if (snapshot.progress() != null) { // within 0..1 (the snapshot drops anything else)
            progress = snapshot.progress();
        }
        JobStatus target = statusFor(snapshot.state());
        if (target == JobStatus.QUEUED && startedAt != null) {
            // a job that has trained is not queued again (a provider may say so on resume): it runs
            target = JobStatus.RUNNING;
        }
        boolean staleAboutPausing = askedAt != null && pauseChangedAt != null && askedAt.isBefore(pauseChangedAt)
                && !target.isTerminal();
        if (target == JobStatus.SUCCEEDED) {
            fineTunedModel = clean(snapshot.fineTunedModel());
            progress = 1.0;
            if (startedAt == null) {
                startedAt = now;
            }
        }
        if (target == JobStatus.FAILED) {
            errorCode = snapshot.error() != null ? clean(snapshot.error().code()) : "provider_failed";
            errorMessage = snapshot.error() != null ? clean(snapshot.error().message())
                    : provider + " reported failure";
        }
        if (target.isTerminal() && trainedTokens != null) {
            actualCostUsd = costOfTokens.apply(trainedTokens);
        }
        boolean keepsItsStatus = status == JobStatus.CANCELLING && !target.isTerminal();
        String raw = clean(snapshot.rawStatus());
        if (staleAboutPausing) {
            return;
        }
        if (keepsItsStatus) {
            noteRawStatus(raw, now);
        } else {
            moveTo(target, raw, describe(target, raw), now);
        }
    }

    /**
     * The job's remote data is imported and counted, and the job re-priced and re-routed on it: still in
     * {@code validating}, ready to be accepted.
     */
    public void dataReady(String trainingDataset, String validationDataset, RoutePlan plan, BigDecimal estimatedCostUsd,
                          String estimateBasis, String estimate, String note, Instant now) {
        if (status != JobStatus.VALIDATING) {
            throw new IllegalTransitionException(status, JobStatus.VALIDATING);
        }
        this.trainingDataset = trainingDataset;
        this.validationDataset = validationDataset;
        this.providerPlan = List.copyOf(plan.providers());
        this.planPosition = 0;
        this.provider = plan.primary();
        this.estimatedCostUsd = estimatedCostUsd;
        this.estimateBasis = estimateBasis;
        this.estimate = estimate;
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("training_dataset", trainingDataset);
        data.put("validation_dataset", validationDataset);
        data.put("provider_plan", providerPlan);
        data.put("estimated_cost_usd", estimatedCostUsd);
        record(JobEvent.DATA_READY, note + "; route: " + plan.reason(), data, now);
        touch(now);
    }

    /** Whether the training or validation data still has to be fetched (s3:// or https://). */
    public boolean needsDataImport() {
        return trainingDataset == null || validationData != null && validationDataset == null;
    }

    /** Records something the gateway noticed about the job (budget alerts, for one) without changing it. */
    public void note(String type, String message, Map<String, Object> data, Instant now) {
        record(type, message, data, now);
        touch(now);
    }

    /** Whether this change ends the job: its terminal event is recorded and not yet saved. */
    public boolean endingNow() {
        return newEvents.stream().anyMatch(JobEvent::isTerminal);
    }

    /**
     * The provider could not be asked this time. Every tenth failure in a row leaves an event.
     *
     * @return since when the provider has not answered
     */
    public Instant pollFailed(String reason, Instant now) {
        pollFailures++;
        if (pollFailingSince == null) {
            pollFailingSince = now;
        }
        reason = clean(reason);
        if (pollFailures == 1 || pollFailures % 10 == 0) {
            record(JobEvent.POLL_ERROR, "Could not get the job from " + provider + " (" + pollFailures
                    + " in a row): " + reason, Map.of("failures", pollFailures), now);
            touch(now);
        }
        return pollFailingSince;
    }

    public int pollFailures() {
        return pollFailures;
    }

    /**
     * The provider accepted a pause asked through the API and answered {@code answered}. The job follows the
     * answer: paused when the provider says so, otherwise unchanged with the request noted (the poll reads
     * the pause when the provider gets there). An answer that the job ended is left for the poll, which reads
     * the ending in full.
     */
    public void pauseAccepted(ProviderJobState answered, String raw, Instant now) {
        pauseChangedAt = now;
        raw = clean(raw);
        if (answered == ProviderJobState.PAUSED && ALLOWED.get(status).contains(JobStatus.PAUSED)) {
            moveTo(JobStatus.PAUSED, raw, "Paused at " + provider + " on request", now, JobEvent.PAUSED,
                    Map.of("requested", true));
        } else if (status != JobStatus.PAUSED) {
            record(JobEvent.PAUSE_REQUESTED, provider + " accepted the pause and reports '" + raw + "'",
                    Map.of("provider_status", String.valueOf(raw)), now);
            touch(now);
        }
    }

    /** As {@link #pauseAccepted}, for a resume: running again (or queued, if it never started) when the answer says so. */
    public void resumeAccepted(ProviderJobState answered, String raw, Instant now) {
        pauseChangedAt = now;
        raw = clean(raw);
        boolean goesOn = answered == ProviderJobState.RUNNING || answered == ProviderJobState.QUEUED;
        if (status == JobStatus.PAUSED && goesOn) {
            JobStatus next = answered == ProviderJobState.QUEUED && startedAt == null ? JobStatus.QUEUED
                    : JobStatus.RUNNING;
            moveTo(next, raw, "Resumed at " + provider + " on request", now, JobEvent.RESUMED,
                    Map.of("requested", true));
        } else if (status == JobStatus.PAUSED) {
            record(JobEvent.RESUME_REQUESTED, provider + " accepted the resume and reports '" + raw + "'",
                    Map.of("provider_status", String.valueOf(raw)), now);
            touch(now);
        }
    }

    /**
     * A user's cancel. Before any submission attempt it ends the job at once; after one (even a failed one,
     * which may have created the job after all) the job is {@code cancelling} until the provider confirms or
     * is found to have no job. Cancelling twice is harmless.
     */
    public void requestCancel(Instant now) {
        if (status.isTerminal()) {
            throw new IllegalTransitionException(status, JobStatus.CANCELLED);
        }
        if (status == JobStatus.CANCELLING) {
            return;
        }
        if (status == JobStatus.VALIDATING || status == JobStatus.QUEUED && providerJobId == null && submitAttempts == 0) {
            moveTo(JobStatus.CANCELLED, providerStatus, "Cancelled before submission to a provider", now);
        } else {
            moveTo(JobStatus.CANCELLING, providerStatus, "Cancellation requested", now);
        }
    }

    public boolean needsProviderCancel() {
        return status == JobStatus.CANCELLING && providerJobId != null && !cancelSent;
    }

    public void cancelSent(Instant now) {
        cancelSent = true;
        record(JobEvent.STATUS_CHANGED, "Cancel sent to " + provider, Map.of(), now);
        touch(now);
    }

    /**
     * An earlier submission attempt created the provider job after all (we crashed, or its answer was lost):
     * adopt it instead of submitting again.
     */
    public void adopt(SubmittedJob found, Instant now) {
        if (status == JobStatus.CANCELLING || providerJobId != null) {
            submitted(found, now);
            return;
        }
        providerJobId = clean(found.providerJobId());
        String message = "Found " + provider + " job " + providerJobId + ", created by an earlier attempt";
        JobStatus target = statusOnArrival(found.state());
        if (target == status) {
            providerStatus = clean(found.rawStatus());
            record(JobEvent.STATUS_CHANGED, message, Map.of("provider_job_id", providerJobId), now);
            touch(now);
        } else {
            moveTo(target, clean(found.rawStatus()), message, now);
        }
    }

    /** Cancelling, but no provider job was ever created: nothing left to stop. */
    public void cancelledBeforeProvider(Instant now) {
        moveTo(JobStatus.CANCELLED, providerStatus, "Cancelled; " + provider + " never created the job", now);
    }

    public void fail(String code, String message, Instant now) {
        errorCode = code;
        errorMessage = message;
        moveTo(JobStatus.FAILED, providerStatus, message, now);
    }

    private void moveTo(JobStatus next, String raw, String message, Instant now) {
        // pausing and resuming get events of their own, however they were noticed
        String type = next == JobStatus.PAUSED && status != JobStatus.PAUSED ? JobEvent.PAUSED
                : status == JobStatus.PAUSED && (next == JobStatus.RUNNING || next == JobStatus.QUEUED) ? JobEvent.RESUMED
                : JobEvent.STATUS_CHANGED;
        moveTo(next, raw, message, now, type, Map.of());
    }

    private void moveTo(JobStatus next, String raw, String message, Instant now, String eventType,
                        Map<String, Object> data) {
        if (next == status) {
            if (JobEvent.STATUS_CHANGED.equals(eventType)) {
                noteRawStatus(raw, now);
            } else {
                providerStatus = raw;
                record(eventType, message, data, now);
                touch(now);
            }
            return;
        }
        if (!ALLOWED.get(status).contains(next)
                || AT_PROVIDER.contains(next) && providerJobId == null) {
            throw new IllegalTransitionException(status, next);
        }
        JobStatus from = status;
        status = next;
        providerStatus = raw;
        if (next == JobStatus.RUNNING && startedAt == null) {
            startedAt = now;
            registerEvent(new JobRunning(id, projectId, provider, now));
        }
        if (next == JobStatus.QUEUED && from == JobStatus.VALIDATING) {
            // only the first queueing: a job that goes back to queued for a retry or a fallback is not news
            registerEvent(new JobQueued(id, projectId, now));
        }
        Map<String, Object> eventData = new LinkedHashMap<>(data);
        eventData.put("from", from.wire());
        record(eventType, message, eventData, now);
        touch(now);
        if (next.isTerminal()) {
            finishedAt = now;
            registerEnding();
        }
    }

    private void noteRawStatus(String raw, Instant now) {
        if (raw != null && !raw.equals(providerStatus)) {
            providerStatus = raw;
            record(JobEvent.STATUS_CHANGED, provider + " reports '" + raw + "'", Map.of(), now);
            touch(now);
        }
    }

    private void registerEnding() {
        switch (status) {
            case SUCCEEDED -> registerEvent(new JobSucceeded(id, projectId, jobName, provider, providerJobId,
                    // lineage names the dataset (and so the exact bytes, by SHA-256), not a URL whose content may change
                    fineTunedModel, baseModel, orElse(trainingDataset, trainingData),
                    orElse(validationDataset, validationData), hyperparameters, trainedTokens,
                    actualCostUsd, finishedAt));
            case FAILED -> registerEvent(new JobFailed(id, projectId, provider, errorCode, errorMessage, finishedAt));
            case CANCELLED -> registerEvent(new JobCancelled(id, projectId, provider, finishedAt));
            default -> throw new IllegalStateException("not an ending: " + status);
        }
    }

    private String describe(JobStatus target, String raw) {
        return switch (target) {
            case SUCCEEDED -> "Succeeded" + (fineTunedModel != null ? ": " + fineTunedModel : "");
            case FAILED -> "Failed: " + errorMessage;
            case CANCELLED -> "Cancelled at " + provider;
            case PAUSED -> "Paused at " + provider + " ('" + raw + "')";
            default -> provider + " reports '" + raw + "'";
        };
    }

    private static String orElse(String preferred, String fallback) {
        return preferred != null ? preferred : fallback;
    }

    /** Provider text goes into PostgreSQL text and jsonb, which refuse NUL; other controls are noise. */
    private static String clean(String text) {
        return text == null ? null : CONTROL_CHARACTERS.matcher(text).replaceAll("");
    }

    private static Double finite(Double value) {
        return value == null || Double.isFinite(value) ? value : null;
    }

    private static Map<String, Double> finiteValues(Map<String, Double> values) {
        if (values == null) {
            return Map.of();
        }
        Map<String, Double> kept = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (k != null && v != null && Double.isFinite(v)) {
                kept.put(clean(k), v);
            }
        });
        return kept;
    }

    /**
     * The status a job takes when its provider job is created or found. A provider job that has already
     * ended (found after a crash, a job shorter than the outage) is not ended from that answer: it carries
     * no model id, tokens or failure reason. The job runs until the next poll reads the ending in full.
     */
    private static JobStatus statusOnArrival(ProviderJobState state) {
        return state.isTerminal() ? JobStatus.RUNNING : statusFor(state);
    }

    private static JobStatus statusFor(ProviderJobState state) {
        return switch (state) {
            case QUEUED -> JobStatus.QUEUED;
            case RUNNING -> JobStatus.RUNNING;
            case PAUSED -> JobStatus.PAUSED;
            case SUCCEEDED -> JobStatus.SUCCEEDED;
            case FAILED -> JobStatus.FAILED;
            case CANCELLED -> JobStatus.CANCELLED;
        };
    }

    private void record(String type, String message, Map<String, Object> data, Instant now) {
        lastEventSeq++;
        newEvents.add(new JobEvent(id, lastEventSeq, type, status, providerStatus, message, data, now));
    }

    private void touch(Instant now) {
        updatedAt = now;
    }

    /** Events and metric points recorded since load; the store writes them with the job. */
    public List<JobEvent> drainEvents() {
        List<JobEvent> drained = List.copyOf(newEvents);
        newEvents.clear();
        return drained;
    }

    /** Domain events registered and not yet published (published when the repository saves the job). */
    public List<Object> pendingDomainEvents() {
        return List.copyOf(domainEvents());
    }

    public List<MetricPoint> drainMetrics() {
        List<MetricPoint> drained = List.copyOf(newMetrics);
        newMetrics.clear();
        return drained;
    }

    public UUID id() { return id; }
    public UUID projectId() { return projectId; }
    public String jobName() { return jobName; }
    public String baseModel() { return baseModel; }
    public String trainingData() { return trainingData; }
    public String validationData() { return validationData; }
    public String trainingDataset() { return trainingDataset; }
    public String validationDataset() { return validationDataset; }
    public Hyperparameters hyperparameters() { return hyperparameters; }
    public Map<String, Object> providerOptions() { return providerOptions; }
    public Map<String, String> metadata() { return metadata; }
    public String requestedProvider() { return requestedProvider; }
    public List<String> providerPlan() { return providerPlan; }
    public String provider() { return provider; }
    public String providerJobId() { return providerJobId; }
    public JobStatus status() { return status; }
    public String providerStatus() { return providerStatus; }
    public BigDecimal budgetLimit() { return budgetLimit; }
    public BigDecimal estimatedCostUsd() { return estimatedCostUsd; }
    public String estimateBasis() { return estimateBasis; }
    public String estimate() { return estimate; }
    public BigDecimal actualCostUsd() { return actualCostUsd; }
    public Long trainedTokens() { return trainedTokens; }
    public Double progress() { return progress; }
    public String fineTunedModel() { return fineTunedModel; }
    public String errorCode() { return errorCode; }
    public String errorMessage() { return errorMessage; }
    public String webhookUrl() { return webhookUrl; }
    public int submitAttempts() { return submitAttempts; }
    public Instant pollFailingSince() { return pollFailingSince; }
    public String providerEventCursor() { return providerEventCursor; }
    public int lastEventSeq() { return lastEventSeq; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public Instant startedAt() { return startedAt; }
    public Instant finishedAt() { return finishedAt; }
    public Instant pauseChangedAt() { return pauseChangedAt; }
}
