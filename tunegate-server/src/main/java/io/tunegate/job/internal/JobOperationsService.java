package io.tunegate.job.internal;

import io.tunegate.job.JobActivity;
import io.tunegate.job.JobOperations;
import io.tunegate.job.JobRequest;
import io.tunegate.job.JobView;
import io.tunegate.job.persistence.JobActivityReader;
import io.tunegate.job.persistence.JobViewReader;
import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;
import org.springframework.stereotype.Service;

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
    public JobView create(ProjectId project, JobRequest request, String idempotencyKey) {
        return queries.view(project, commands.create(project, request, idempotencyKey).jobId());
    }

    @Override
    public JobView view(ProjectId project, UUID jobId) {
        return queries.view(project, jobId);
    }

    @Override
    public ListPage<JobView> list(ProjectId project, UUID before, Map<String, String> metadata, int limit) {
        return ListPage.fromOverfetch(views.list(project.value(), before, metadata, limit + 1), limit, JobView::id);
    }

    @Override
    public JobView cancel(ProjectId project, UUID jobId) {
        return commands.cancel(project, jobId);
    }

    @Override
    public ListPage<JobActivity> activity(ProjectId project, UUID jobId, JobActivity.Position after, int limit) {
        queries.view(project, jobId);
        return ListPage.fromOverfetch(activity.newestFirst(jobId, after, limit + 1), limit, entry -> null);
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
}
