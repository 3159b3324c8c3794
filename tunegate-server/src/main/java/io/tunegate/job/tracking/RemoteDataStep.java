package io.tunegate.job.tracking;

import io.tunegate.budget.Budgets;
import io.tunegate.dataset.DatasetImportException;
import io.tunegate.dataset.Datasets;
import io.tunegate.dataset.Datasets.DatasetSummary;
import io.tunegate.job.JobSettings;
import io.tunegate.job.JobStatus;
import io.tunegate.job.domain.Job;
import io.tunegate.job.internal.JobAdmission;
import io.tunegate.job.internal.JobStore;
import io.tunegate.job.internal.JobTransactions;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ProblemType;
import io.tunegate.security.ProjectId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The {@code validating} step of a job whose data is {@code s3://} or {@code https://}: imports it as a
 * dataset (the same one-pass validation, counting and content-addressed storage as an upload), then prices
 * and routes the job on the real token counts and reserves the estimate, as {@code POST /v1/jobs} does for a
 * dataset id. Data that cannot be read, fails validation, or does not fit the budget fails the job with the
 * reason; a source that is down for now is tried again with backoff.
 */
@Component
class RemoteDataStep {

    private final Datasets datasets;
    private final JobAdmission admissions;
    private final Budgets budgets;
    private final JobTransactions transactions;
    private final JobSettings settings;
    private final JsonMapper json;
    private final Clock clock;

    RemoteDataStep(Datasets datasets, JobAdmission admissions, Budgets budgets, JobTransactions transactions,
                   JobSettings settings, JsonMapper json, Clock clock) {
        this.datasets = datasets;
        this.admissions = admissions;
        this.budgets = budgets;
        this.transactions = transactions;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
    }

    /** @return when to look at the job again: at once if its data is ready (or the job ended), later on a retry */
    Instant run(Job job) {
        ProjectId project = new ProjectId(job.projectId());
        DatasetSummary training;
        DatasetSummary validation;
        try {
            training = datasets.importReference(project, reference(job.trainingDataset(), job.trainingData()), job.baseModel());
            validation = job.validationData() == null ? null
                    : datasets.importReference(project, reference(job.validationDataset(), job.validationData()), job.baseModel());
        } catch (DatasetImportException e) {
            return e.retryable() ? retryLater(job, e) : fail(job, "invalid_data", e.getMessage());
        }
        Optional<String> invalid = invalid("training_data", training).or(() -> invalid("validation_data", validation));
        if (invalid.isPresent()) {
            return fail(job, "invalid_data", invalid.get());
        }
        try {
            JobAdmission.Admission admission = admissions.reprice(job, training, validation);
            transactions.update(job.id(), j -> {
                if (j.status() != JobStatus.VALIDATING) {
                    return; // cancelled meanwhile
                }
                JobStore.noteThresholds(j, budgets.reserve(project, new Budgets.Reservation(j.id(),
                        admission.plan().primary(), j.baseModel(), j.jobName(), admission.reservation())));
                j.dataReady(training.id(), validation == null ? null : validation.id(), admission.plan(),
                        admission.primary().totalUsd(), JobAdmission.basis(admission.primary()),
                        json.writeValueAsString(admission.quote()), describe(training, validation), clock.instant());
            });
        } catch (ApiException refused) {
            return fail(job, refused.type() == ProblemType.BUDGET_EXCEEDED ? "budget_exceeded" : "no_provider",
                    refused.getMessage());
        }
        return clock.instant();
    }

    private static String reference(String dataset, String given) {
        return dataset != null ? dataset : given;
    }

    private static Optional<String> invalid(String field, DatasetSummary dataset) {
        if (dataset == null || dataset.valid()) {
            return Optional.empty();
        }
        return Optional.of(field + " was imported as " + dataset.id() + " and did not pass validation; its report is at "
                + "GET /v1/datasets/" + dataset.id());
    }

    private static String describe(DatasetSummary training, DatasetSummary validation) {
        return "Data imported: training data is " + training.id() + " (" + training.examples() + " examples, sha256 "
                + training.sha256() + ")" + (validation == null ? "" : ", validation data is " + validation.id());
    }

    private Instant retryLater(Job job, DatasetImportException e) {
        Job after = transactions.update(job.id(), j -> {
            if (j.status() == JobStatus.VALIDATING) {
                j.pollFailed("could not fetch the data: " + e.getMessage(), clock.instant());
                if (j.pollFailures() >= settings.maxSubmitAttempts()) {
                    j.fail("data_unavailable", "The data could not be fetched after " + j.pollFailures()
                            + " attempts: " + e.getMessage(), clock.instant());
                }
            }
        }).orElseThrow();
        if (after.status() != JobStatus.VALIDATING) {
            return clock.instant();
        }
        Duration wait = Backoff.after(after.pollFailures(), settings.submitRetryBackoff(), settings.maxBackoff(), null);
        return clock.instant().plus(wait);
    }

    private Instant fail(Job job, String code, String message) {
        transactions.update(job.id(), j -> {
            if (j.status() == JobStatus.VALIDATING) {
                j.fail(code, message, clock.instant());
            }
        });
        return clock.instant();
    }
}
