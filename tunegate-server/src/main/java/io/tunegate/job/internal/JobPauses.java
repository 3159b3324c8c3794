package io.tunegate.job.internal;

import io.tunegate.job.JobPausing;
import io.tunegate.job.JobStatus;
import io.tunegate.job.JobView;
import io.tunegate.job.domain.Job;
import io.tunegate.job.tracking.JobTracker;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ProblemType;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderJobStatus;
import io.tunegate.provider.Providers;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.security.ProjectId;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.UUID;
import java.util.function.BiFunction;

/**
 * Pauses and resumes jobs. The provider is asked during the request, outside any transaction; only an
 * accepted call changes the job (in a short transaction, like every other change), so a refusal or an
 * unreachable provider leaves it as it was. The tracker is then woken to read the provider's state at once.
 * Checks run from the most lasting reason to the most passing: an ended job (409), a provider that cannot
 * pause (422, whatever the job's state), then the job's state now (409).
 */
@Service
class JobPauses implements JobPausing {

    private enum Action {
        PAUSE("pause", JobStatus.RUNNING), RESUME("resume", JobStatus.PAUSED);

        final String verb;
        final JobStatus from;

        Action(String verb, JobStatus from) {
            this.verb = verb;
            this.from = from;
        }
    }

    private final JobQueries queries;
    private final JobTransactions transactions;
    private final Providers providers;
    private final JobTracker tracker;
    private final Clock clock;

    JobPauses(JobQueries queries, JobTransactions transactions, Providers providers, JobTracker tracker, Clock clock) {
        this.queries = queries;
        this.transactions = transactions;
        this.providers = providers;
        this.tracker = tracker;
        this.clock = clock;
    }

    @Override
    public JobView pause(ProjectId project, UUID jobId) {
        return change(project, jobId, Action.PAUSE, ProviderAdapter::pause);
    }

    @Override
    public JobView resume(ProjectId project, UUID jobId) {
        return change(project, jobId, Action.RESUME, ProviderAdapter::resume);
    }

    private JobView change(ProjectId project, UUID jobId, Action action,
                           BiFunction<ProviderAdapter, String, ProviderJobStatus> call) {
        Job job = queries.get(project, jobId);
        if (job.status().isTerminal()) {
            throw new ApiException(ProblemType.CONFLICT, "The job has already ended (" + job.status().wire()
                    + "), so it cannot be " + past(action) + ".").with("status", job.status().wire());
        }
        ProviderAdapter adapter = providers.find(job.provider()).orElseThrow(() ->
                new ApiException(ProblemType.PROVIDER_UNAVAILABLE, "The job's provider, " + job.provider()
                        + ", is not enabled on this gateway, so the job cannot be " + past(action) + " now.")
                        .with("provider", job.provider()));
        if (!adapter.capabilities().pausable()) {
            throw notSupported(job.provider(), action);
        }
        // running and paused jobs always have a provider job id (Job.AT_PROVIDER)
        if (job.status() != action.from) {
            throw new ApiException(ProblemType.CONFLICT, conflict(job, action)).with("status", job.status().wire());
        }
        ProviderJobStatus answer;
        try {
            answer = call.apply(adapter, job.providerJobId());
        } catch (PermanentProviderException e) {
            throw new ApiException(ProblemType.PROVIDER_ERROR, job.provider() + " refused to " + action.verb
                    + " the job: " + e.getMessage() + ". The job was not changed.")
                    .with("provider", job.provider()).with("provider_code", e.code());
        } catch (TransientProviderException e) {
            ApiException unavailable = new ApiException(ProblemType.PROVIDER_UNAVAILABLE, "Could not " + action.verb
                    + " the job at " + job.provider() + ": " + e.getMessage() + ". The job was not changed here; "
                    + "if the provider acted on the request after all, the job will show it shortly. Try again later.")
                    .with("provider", job.provider());
            e.retryAfter().ifPresent(wait -> unavailable.header("Retry-After",
                    Long.toString(Math.max(1, wait.toSeconds()))));
            throw unavailable;
        }
        Job changed = transactions.update(jobId, j -> {
            if (action == Action.PAUSE) {
                j.pauseAccepted(answer.state(), answer.rawStatus(), clock.instant());
            } else {
                j.resumeAccepted(answer.state(), answer.rawStatus(), clock.instant());
            }
        }).orElseThrow();
        tracker.wake(jobId);
        return JobView.of(changed);
    }

    private ApiException notSupported(String provider, Action action) {
        String pausable = String.join(", ", providers.enabled().stream()
                .filter(p -> p.capabilities().pausable()).map(ProviderAdapter::id).sorted().toList());
        return new ApiException(ProblemType.OPERATION_NOT_SUPPORTED, "The job's provider, " + provider
                + ", cannot " + action.verb + " jobs" + (pausable.isEmpty() ? "." : "; on this gateway "
                + pausable + " can.")).with("provider", provider).with("operation", action.verb);
    }

    private static String conflict(Job job, Action action) {
        String status = job.status().wire();
        if (action == Action.PAUSE) {
            return switch (job.status()) {
                case PAUSED -> "The job is already paused.";
                case CANCELLING -> "The job is being cancelled, so it cannot be paused.";
                default -> "The job is " + status + " and has not started training at its provider; only a running "
                        + "job can be paused.";
            };
        }
        return switch (job.status()) {
            case RUNNING -> "The job is not paused; it is running.";
            case CANCELLING -> "The job is being cancelled, so it cannot be resumed.";
            default -> "The job is " + status + ", not paused; only a paused job can be resumed.";
        };
    }

    private static String past(Action action) {
        return action == Action.PAUSE ? "paused" : "resumed";
    }
}
