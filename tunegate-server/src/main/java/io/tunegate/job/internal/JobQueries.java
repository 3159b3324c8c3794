package io.tunegate.job.internal;

import io.tunegate.job.JobStatus;
import io.tunegate.job.JobView;
import io.tunegate.job.domain.Job;
import io.tunegate.job.domain.JobEvent;
import io.tunegate.job.domain.MetricPoint;
import io.tunegate.job.persistence.JobEventStore;
import io.tunegate.job.persistence.JobMetricStore;
import io.tunegate.job.persistence.JobRepository;
import io.tunegate.job.persistence.JobViewReader;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;

import java.util.List;
import java.util.UUID;

/** Reading jobs, always within the caller's project: another project's job is simply not found. */
@Service
public class JobQueries {

    public record JobFilter(List<JobStatus> statuses, String provider, String jobName) {
    }

    private final JobRepository jobs;
    private final JobEventStore events;
    private final JobMetricStore metrics;
    private final JobViewReader views;

    private final JobViewCache cache;

    JobQueries(JobRepository jobs, JobEventStore events, JobMetricStore metrics, JobViewReader views,
               JobViewCache cache) {
        this.views = views;
        this.cache = cache;
        this.jobs = jobs;
        this.events = events;
        this.metrics = metrics;
    }

    public JobView view(ProjectId project, UUID jobId) {
        return cache.get(project.value(), jobId, () -> views.find(project.value(), jobId))
                .orElseThrow(() -> ApiException.notFound("Job " + jobId));
    }

    public Job get(ProjectId project, UUID jobId) {
        return jobs.findByIdAndProjectId(jobId, project.value())
                .orElseThrow(() -> ApiException.notFound("Job " + jobId));
    }

    /** Newest first; the cursor is the id of the last job of the previous page (ids are time-ordered). */
    public ListPage<JobView> list(ProjectId project, JobFilter filter, UUID cursor, int limit) {
        Specification<Job> spec = (root, query, cb) -> cb.equal(root.get("projectId"), project.value());
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            spec = spec.and((root, query, cb) -> root.get("status").in(filter.statuses()));
        }
        if (filter.provider() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("provider"), filter.provider()));
        }
        if (filter.jobName() != null) {
            spec = spec.and((root, query, cb) -> cb.equal(root.get("jobName"), filter.jobName()));
        }
        if (cursor != null) {
            spec = spec.and((root, query, cb) -> cb.lessThan(root.get("id"), cursor));
        }
        List<Job> rows = jobs.findBy(spec, q -> q.sortBy(Sort.by(Sort.Direction.DESC, "id")).limit(limit + 1).all());
        return ListPage.fromOverfetch(rows.stream().map(JobView::of).toList(), limit, JobView::id);
    }

    public ListPage<JobEvent> events(ProjectId project, UUID jobId, int afterSeq, int limit) {
        get(project, jobId);
        return ListPage.fromOverfetch(events.after(jobId, afterSeq, limit + 1), limit, e -> Integer.toString(e.seq()));
    }

    public ListPage<MetricPoint> metrics(ProjectId project, UUID jobId, int afterStep, int limit) {
        get(project, jobId);
        return ListPage.fromOverfetch(metrics.after(jobId, afterStep, limit + 1), limit,
                p -> Integer.toString(p.step()));
    }

    /** Whether a stream that has sent everything up to {@code seq} is done: the job ended and nothing is left. */
    public boolean isFinishedAt(UUID jobId, int seq) {
        return jobs.findById(jobId).map(job -> job.status().isTerminal() && seq >= job.lastEventSeq()).orElse(true);
    }

    /** Events after the cursor, for streams; the caller has checked the project already. */
    public List<JobEvent> eventsAfter(UUID jobId, int afterSeq, int limit) {
        return events.after(jobId, afterSeq, limit);
    }
}
