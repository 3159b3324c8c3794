package io.tunegate.client;

import io.tunegate.client.model.JobStatus;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Filters and paging of {@code GET /v1/jobs}: {@code JobListQuery.all().status(RUNNING).limit(50)}. Immutable;
 * each method returns a changed copy.
 *
 * @param statuses any of these (empty: all)
 * @param limit    page size, 1-100; null for the gateway's default (20)
 * @param cursor   the {@code next_cursor} of the previous page; null for the first
 */
public record JobListQuery(List<JobStatus> statuses, String provider, String jobName, Integer limit, String cursor) {

    public JobListQuery {
        statuses = statuses == null ? List.of() : List.copyOf(statuses);
    }

    /** Every job of the project, newest first. */
    public static JobListQuery all() {
        return new JobListQuery(List.of(), null, null, null, null);
    }

    /** Only jobs in one of these statuses (added to those already asked for). */
    public JobListQuery status(JobStatus... more) {
        List<JobStatus> all = new ArrayList<>(statuses);
        all.addAll(Arrays.asList(more));
        return new JobListQuery(all, provider, jobName, limit, cursor);
    }

    public JobListQuery provider(String provider) {
        return new JobListQuery(statuses, provider, jobName, limit, cursor);
    }

    public JobListQuery jobName(String jobName) {
        return new JobListQuery(statuses, provider, jobName, limit, cursor);
    }

    public JobListQuery limit(int limit) {
        return new JobListQuery(statuses, provider, jobName, limit, cursor);
    }

    public JobListQuery cursor(String cursor) {
        return new JobListQuery(statuses, provider, jobName, limit, cursor);
    }
}
