package io.tunegate.openaiapi;

import io.tunegate.job.JobActivity;
import io.tunegate.job.JobOperations;
import io.tunegate.job.JobPausing;
import io.tunegate.job.JobView;
import io.tunegate.openaiapi.OpenAiObjects.Checkpoint;
import io.tunegate.openaiapi.OpenAiObjects.Event;
import io.tunegate.openaiapi.OpenAiObjects.FineTuningJob;
import io.tunegate.openaiapi.OpenAiObjects.ListOf;
import io.tunegate.openaiapi.OpenAiObjects.PlainList;
import io.tunegate.platform.web.ListPage;
import io.tunegate.security.ProjectId;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** {@code /openai/v1/fine_tuning/jobs}: OpenAI's fine-tuning jobs API over Tunegate's jobs (same ids). */
@RestController
@RequestMapping(path = "/openai/v1/fine_tuning/jobs", produces = MediaType.APPLICATION_JSON_VALUE)
class OpenAiJobsController {

    private final JobOperations jobs;
    private final JobPausing pausing;

    OpenAiJobsController(JobOperations jobs, JobPausing pausing) {
        this.jobs = jobs;
        this.pausing = pausing;
    }

    /** OpenAI answers 200 with the job; an Idempotency-Key, if a client sends one, makes retries safe as on /v1. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    FineTuningJob create(ProjectId project, @RequestBody JsonNode body,
                         @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return OpenAiJobMapper.job(project,
                jobs.create(project, OpenAiJobRequests.toJobRequest(body), idempotencyKey));
    }

    @GetMapping("/{id}")
    FineTuningJob get(ProjectId project, @PathVariable String id) {
        return OpenAiJobMapper.job(project, jobs.view(project, jobId(id)));
    }

    /** Newest first; {@code after} is the id of the last job of the previous page; {@code metadata[k]=v} filters. */
    @GetMapping
    PlainList<FineTuningJob> list(ProjectId project, @RequestParam(required = false) String after,
                                  @RequestParam(defaultValue = "20") String limit, HttpServletRequest request) {
        UUID before = after == null ? null : cursor(after);
        ListPage<JobView> page = jobs.list(project, before, metadataFilter(request),
                OpenAiPaging.limit(limit, 20, 100));
        return PlainList.of(page.data().stream().map(j -> OpenAiJobMapper.job(project, j)).toList(), page.hasMore());
    }

    @PostMapping("/{id}/cancel")
    FineTuningJob cancel(ProjectId project, @PathVariable String id) {
        return OpenAiJobMapper.job(project, jobs.cancel(project, jobId(id)));
    }

    /**
     * Pauses a running job at its provider (OpenAI and the sandbox can; another provider answers 422
     * {@code operation_not_supported}); the job then shows {@code paused}, as OpenAI answers.
     */
    @PostMapping("/{id}/pause")
    FineTuningJob pause(ProjectId project, @PathVariable String id) {
        return OpenAiJobMapper.job(project, pausing.pause(project, jobId(id)));
    }

    @PostMapping("/{id}/resume")
    FineTuningJob resume(ProjectId project, @PathVariable String id) {
        return OpenAiJobMapper.job(project, pausing.resume(project, jobId(id)));
    }

    /** Newest first, as OpenAI lists them: the job's events as {@code message}, its curve as {@code metrics}. */
    @GetMapping("/{id}/events")
    PlainList<Event> events(ProjectId project, @PathVariable String id, @RequestParam(required = false) String after,
                            @RequestParam(defaultValue = "20") String limit) {
        UUID jobId = jobId(id);
        JobActivity.Position from = after == null ? null : OpenAiJobMapper.position(jobId.toString(), after);
        ListPage<JobActivity> page = jobs.activity(project, jobId, from, OpenAiPaging.limit(limit, 20, 100));
        return PlainList.of(page.data().stream().map(a -> OpenAiJobMapper.event(jobId.toString(), a)).toList(),
                page.hasMore());
    }

    @GetMapping("/{id}/checkpoints")
    ListOf<Checkpoint> checkpoints(ProjectId project, @PathVariable String id,
                                   @RequestParam(required = false) String after,
                                   @RequestParam(defaultValue = "10") String limit) {
        UUID jobId = jobId(id);
        int max = OpenAiPaging.limit(limit, 10, 100);
        JobView job = jobs.view(project, jobId);
        List<Checkpoint> all = OpenAiJobMapper.checkpoints(job,
                jobs.lastMetric(project, jobId).orElse(null));
        List<Checkpoint> page = after == null ? all
                : all.stream().dropWhile(c -> !c.id().equals(after)).skip(1).toList();
        return ListOf.of(page.stream().limit(max).toList(), page.size() > max, Checkpoint::id);
    }

    /** {@code metadata[team]=search} -> team: search. */
    private static Map<String, String> metadataFilter(HttpServletRequest request) {
        Map<String, String> filter = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (name.startsWith("metadata[") && name.endsWith("]") && values.length > 0) {
                filter.put(name.substring("metadata[".length(), name.length() - 1), values[0]);
            }
        });
        return filter;
    }

    /** A malformed id names no job: 404, like another project's. */
    static UUID jobId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw OpenAiException.notFound("Could not find fine-tuning job: " + id, "id");
        }
    }

    private static UUID cursor(String after) {
        try {
            return UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw OpenAiException.invalid("after", "after must be the id of a fine-tuning job.");
        }
    }
}
