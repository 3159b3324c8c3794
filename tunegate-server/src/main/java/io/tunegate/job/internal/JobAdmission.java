package io.tunegate.job.internal;

import io.tunegate.cost.ProviderQuote;
import io.tunegate.cost.Quote;
import io.tunegate.cost.Quoter;
import io.tunegate.cost.Router;
import io.tunegate.dataset.DatasetRef;
import io.tunegate.dataset.Datasets;
import io.tunegate.dataset.Datasets.DatasetSummary;
import io.tunegate.job.JobRequest;
import io.tunegate.job.domain.Job;
import io.tunegate.platform.web.ApiException;
import io.tunegate.provider.RoutePlan;
import io.tunegate.security.ProjectId;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;

/**
 * Everything a job request must pass before a job exists: valid fields, datasets of this project that
 * passed validation, a quote on every provider that offers the model, and a route within its budget_limit.
 * Shared by {@code POST /v1/jobs} and {@code POST /v1/estimates}, so an estimate is exactly what a job
 * would act on.
 */
@Component
public class JobAdmission {

    private final JobRequestValidator validator;
    private final Datasets datasets;
    private final Quoter quoter;
    private final Router router;

    JobAdmission(JobRequestValidator validator, Datasets datasets, Quoter quoter, Router router) {
        this.validator = validator;
        this.datasets = datasets;
        this.quoter = quoter;
        this.router = router;
    }

    /**
     * @param reservation what the job reserves against budgets: the most any provider of its plan would
     *                    cost, so a fallback cannot overspend either (zero while the data is not counted)
     */
    public record Admission(JobRequestValidator.Valid valid, Quote quote, RoutePlan plan, ProviderQuote primary,
                            BigDecimal reservation) {
    }

    /** How an estimate was reached, in words, for the job's {@code estimate_basis}. */
    public static String basis(ProviderQuote primary) {
        return primary.totalUsd() == null ? "unknown until the training data's tokens are counted"
                : primary.provider() + ": " + primary.billableTokens() + " billable tokens (" + primary.tokenCount()
                + ", " + primary.epochs() + " epochs) at " + primary.pricePerMillionTokens() + " USD per 1M";
    }

    /**
     * Prices and routes a job again once its remote data is counted: same requested provider, fallbacks and
     * budget_limit as when it was created. Refuses (ApiException) like a new job would.
     */
    public Admission reprice(Job job, DatasetSummary training, DatasetSummary validation) {
        Quote quote = quoter.quote(new Quoter.Request(job.baseModel(), job.hyperparameters().nEpochs(), training,
                validation));
        List<String> fallbacks = job.providerPlan().stream().filter(p -> !p.equals(job.requestedProvider())).toList();
        RoutePlan plan = router.plan(job.requestedProvider(), fallbacks, quote, job.budgetLimit());
        return admission(null, quote, plan);
    }

    private static Admission admission(JobRequestValidator.Valid valid, Quote quote, RoutePlan plan) {
        ProviderQuote primary = quote.forProvider(plan.primary()).orElseThrow();
        BigDecimal reservation = plan.providers().stream()
                .map(p -> quote.forProvider(p).map(ProviderQuote::totalUsd).orElse(null))
                .filter(java.util.Objects::nonNull)
                .max(BigDecimal::compareTo).orElse(BigDecimal.ZERO);
        return new Admission(valid, quote, plan, primary, reservation);
    }

    Quote quote(ProjectId project, JobRequest request) {
        return quote(project, request, validator.validate(request));
    }

    Admission admit(ProjectId project, JobRequest request) {
        JobRequestValidator.Valid valid = validator.validate(request);
        Quote quote = quote(project, request, valid);
        RoutePlan plan = router.plan(valid.provider(), valid.fallbacks(), quote, request.budgetLimit());
        return admission(valid, quote, plan);
    }

    private Quote quote(ProjectId project, JobRequest request, JobRequestValidator.Valid valid) {
        DatasetSummary training = dataset(project, "training_data", request.trainingData());
        DatasetSummary validation = dataset(project, "validation_data", request.validationData());
        return quoter.quote(new Quoter.Request(request.baseModel(), valid.hyperparameters().nEpochs(), training,
                validation));
    }

    /** A {@code ds-...} reference must name a dataset of this project that passed validation. */
    private DatasetSummary dataset(ProjectId project, String field, String reference) {
        if (!DatasetRef.looksLikeOne(reference)) {
            return null;
        }
        DatasetSummary dataset = datasets.find(project, reference).orElseThrow(() ->
                ApiException.invalid(field, "no dataset " + reference + " in this project"));
        if (!dataset.valid()) {
            throw ApiException.invalid(field, "dataset " + reference + " did not pass validation; its report is at "
                    + "GET /v1/datasets/" + reference);
        }
        return dataset;
    }
}
