package io.tunegate.job.internal;

import io.tunegate.job.JobActivity;
import io.tunegate.job.JobOperations;
import io.tunegate.job.JobRequest;
import io.tunegate.job.JobView;
import io.tunegate.job.persistence.JobActivityReader;
import io.tunegate.job.persistence.JobViewReader;
import io.tunegate.security.ProjectId;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** {@link JobOperations} over the same commands and queries as {@code /v1/jobs}. */
@Service
class JobOperationsService implements JobOperations {

    private final JobCommands commands;
    private final JobQueries queries;
    private final JobViewReader views;
    private final JobActivityReader activity;

    JobOperationsService(JobCommands commands, JobQueries queries, JobViewReader views, JobActivityReader activity) {
        this.commands = commands;
        this.queries = queries;
        this.views = views;
        this.activity = activity;
    }

    @Override
    public Created create(ProjectId project, JobRequest request, String idempotencyKey) {
        JobCommands.Created created = commands.create(project, request, idempotencyKey);
        return new Created(queries.view(project, created.jobId()), created.replayed());
    }

    @Override
    public JobView view(ProjectId project, UUID jobId) {
        return queries.view(project, jobId);
    }

    @Override
    public Page<JobView> list(ProjectId project, UUID before, Map<String, String> metadata, int limit) {
        List<JobView> rows = views.list(project.value(), before, metadata, limit + 1);
        return page(rows, limit);
    }

    @Override
    public JobView cancel(ProjectId project, UUID jobId) {
        return commands.cancel(project, jobId);
    }

    @Override
    public Page<JobActivity> activity(ProjectId project, UUID jobId, JobActivity.Position after, int limit) {
        queries.view(project, jobId);
        return page(activity.newestFirst(jobId, after, limit + 1), limit);
    }

    @Override
    public Optional<JobActivity.Metric> lastMetric(ProjectId project, UUID jobId) {
        queries.view(project, jobId);
        return activity.lastMetric(jobId);
    }

    @Override
    public boolean activeJobUses(ProjectId project, String dataset) {
        return activity.activeJobUses(project.value(), dataset);
    }

    private static <T> Page<T> page(List<T> rows, int limit) {
        boolean more = rows.size() > limit;
        return new Page<>(more ? List.copyOf(rows.subList(0, limit)) : rows, more);
    }
}
