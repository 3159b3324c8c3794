package io.tunegate.job;

import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What other modules may do with jobs, always within one project (another project's job is not found):
 * the operations behind {@code /v1/jobs}, for surfaces that speak another API (the OpenAI-compatible one).
 * Refusals are {@code ApiException}s, as on {@code /v1}.
 */
public interface JobOperations {

    /** The new job, or the one an earlier request with this Idempotency-Key created (as it is now). */
    JobView create(ProjectId project, JobRequest request, String idempotencyKey);

    JobView view(ProjectId project, UUID jobId);

    /**
     * Newest first.
     *
     * @param before   only jobs older than this one (ids are time-ordered); null for the newest
     * @param metadata only jobs whose metadata holds every one of these pairs
     */
    ListPage<JobView> list(ProjectId project, UUID before, Map<String, String> metadata, int limit);

    JobView cancel(ProjectId project, UUID jobId);

    /**
     * The job's events and training curve points in one time line, newest first, after {@code after}. The
     * page has no {@code next_cursor}: a caller continues after its last entry's position.
     */
    ListPage<JobActivity> activity(ProjectId project, UUID jobId, JobActivity.Position after, int limit);

    /** The last point of the job's training curve, if it has one. */
    Optional<JobActivity.Metric> lastMetric(ProjectId project, UUID jobId);

    /** Whether a job of the project that has not ended trains or validates on this dataset ({@code ds-...}). */
    boolean activeJobUses(ProjectId project, String dataset);
}
