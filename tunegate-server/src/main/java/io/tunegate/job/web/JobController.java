package io.tunegate.job.web;

import io.tunegate.job.JobPausing;
import io.tunegate.job.JobRequest;
import io.tunegate.job.JobStatus;
import io.tunegate.job.JobView;
import io.tunegate.job.domain.JobEvent;
import io.tunegate.job.domain.MetricPoint;
import io.tunegate.job.internal.JobCommands;
import io.tunegate.job.internal.JobQueries;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.Inputs;
import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** {@code /v1/jobs}: submit, read, list, cancel, pause, resume, and read a job's events and training curve. */
@RestController
@RequestMapping(path = "/v1/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
class JobController {

    private final JobCommands commands;
    private final JobQueries queries;
    private final JobPausing pausing;

    JobController(JobCommands commands, JobQueries queries, JobPausing pausing) {
        this.commands = commands;
        this.queries = queries;
        this.pausing = pausing;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<String> create(ProjectId project, @RequestBody JobRequest request,
                                  @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        JobCommands.Created created = commands.create(project, request, idempotencyKey);
        var response = ResponseEntity.status(created.status())
                .location(URI.create("/v1/jobs/" + created.jobId()))
                .contentType(MediaType.APPLICATION_JSON);
        if (created.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(created.body());
    }

    @GetMapping("/{id}")
    JobView get(ProjectId project, @PathVariable String id) {
        return queries.view(project, jobId(id));
    }

    @GetMapping
    ListPage<JobView> list(ProjectId project,
                           @RequestParam(required = false) List<String> status,
                           @RequestParam(required = false) String provider,
                           @RequestParam(name = "job_name", required = false) String jobName,
                           @RequestParam(required = false) String cursor,
                           @RequestParam(defaultValue = "20") int limit) {
        return queries.list(project, new JobQueries.JobFilter(statuses(status), Inputs.clean("provider", provider),
                        Inputs.clean("job_name", jobName)),
                cursor == null ? null : cursor(cursor), ListPage.limit(limit, 100));
    }

    @PostMapping("/{id}/cancel")
    JobView cancel(ProjectId project, @PathVariable String id) {
        return commands.cancel(project, jobId(id));
    }

    /** Pauses a running job where its provider can (OpenAI, the sandbox): 422 elsewhere, 409 unless running. */
    @PostMapping("/{id}/pause")
    JobView pause(ProjectId project, @PathVariable String id) {
        return pausing.pause(project, jobId(id));
    }

    @PostMapping("/{id}/resume")
    JobView resume(ProjectId project, @PathVariable String id) {
        return pausing.resume(project, jobId(id));
    }

    @GetMapping("/{id}/events")
    ListPage<JobEvent> events(ProjectId project, @PathVariable String id,
                              @RequestParam(required = false) String cursor,
                              @RequestParam(defaultValue = "100") int limit) {
        return queries.events(project, jobId(id), sequence(cursor, "cursor"), ListPage.limit(limit, 1000));
    }

    /** The quote the job was routed on, as {@code POST /v1/estimates} answered it at submission. */
    @GetMapping("/{id}/estimate")
    ResponseEntity<String> estimate(ProjectId project, @PathVariable String id) {
        String estimate = queries.get(project, jobId(id)).estimate();
        if (estimate == null) {
            throw ApiException.notFound("Estimate of job " + id);
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(estimate);
    }

    @GetMapping("/{id}/metrics")
    ListPage<MetricPoint> metrics(ProjectId project, @PathVariable String id,
                                  @RequestParam(required = false) String cursor,
                                  @RequestParam(defaultValue = "1000") int limit) {
        return queries.metrics(project, jobId(id), sequence(cursor, "cursor"), ListPage.limit(limit, 10_000));
    }

    /** A malformed id cannot name any job: 404, like an id of another project. */
    static UUID jobId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound("Job " + id);
        }
    }

    static int sequence(String cursor, String name) {
        if (cursor == null) {
            return 0;
        }
        try {
            int value = Integer.parseInt(cursor.trim());
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the problem below
        }
        throw ApiException.invalid(name, "must be a cursor returned by an earlier page");
    }

    private static UUID cursor(String cursor) {
        try {
            return UUID.fromString(cursor);
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid("cursor", "must be a cursor returned by an earlier page");
        }
    }

    private static List<JobStatus> statuses(List<String> values) {
        if (values == null) {
            return List.of();
        }
        List<JobStatus> statuses = new ArrayList<>();
        for (String value : values) {
            for (String part : value.split(",")) {
                try {
                    statuses.add(JobStatus.fromWire(part.trim()));
                } catch (IllegalArgumentException e) {
                    throw ApiException.invalid("status", "unknown status '" + part.trim() + "'; one of "
                            + java.util.Arrays.stream(JobStatus.values()).map(JobStatus::wire).toList());
                }
            }
        }
        return statuses;
    }
}
