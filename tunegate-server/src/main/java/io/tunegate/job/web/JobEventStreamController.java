package io.tunegate.job.web;

import io.tunegate.job.domain.JobEvent;
import io.tunegate.job.internal.JobQueries;
import io.tunegate.job.internal.JobSignals;
import io.tunegate.platform.web.ApiException;
import io.tunegate.security.ProjectId;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * {@code GET /v1/jobs/{id}/events/stream}: server-sent events. Replays what the client missed (after
 * {@code Last-Event-ID}, or {@code ?last_event_id=} for clients that cannot set headers), then follows live
 * and closes after the job's terminal event. Each stream runs on its own virtual thread.
 */
@RestController
class JobEventStreamController {

    private static final Duration STREAM_TIMEOUT = Duration.ofHours(1);
    private static final Duration RECHECK = Duration.ofSeconds(1);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);
    private static final int BATCH = 200;

    private final JobQueries queries;
    private final JobSignals signals;

    JobEventStreamController(JobQueries queries, JobSignals signals) {
        this.queries = queries;
        this.signals = signals;
    }

    @GetMapping(path = "/v1/jobs/{id}/events/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(ProjectId project, @PathVariable String id,
                      @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId,
                      @RequestParam(name = "last_event_id", required = false) String lastEventParam) {
        UUID jobId = JobController.jobId(id);
        int lastSeq = queries.get(project, jobId).lastEventSeq();
        int after = JobController.sequence(lastEventId != null ? lastEventId : lastEventParam, "Last-Event-ID");
        if (after > lastSeq) {
            throw ApiException.invalid("Last-Event-ID", "is past the job's last event (" + lastSeq + ")");
        }
        SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
        Thread follower = Thread.ofVirtual().name("sse-" + jobId).unstarted(() -> follow(emitter, jobId, after));
        // the client left or the stream timed out: stop at once rather than at the next send
        emitter.onCompletion(follower::interrupt);
        emitter.onTimeout(follower::interrupt);
        emitter.onError(e -> follower.interrupt());
        follower.start();
        return emitter;
    }

    private void follow(SseEmitter emitter, UUID jobId, int after) {
        int cursor = after;
        long lastSent = System.nanoTime();
        long deadline = System.nanoTime() + STREAM_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                List<JobEvent> batch = queries.eventsAfter(jobId, cursor, BATCH);
                for (JobEvent event : batch) {
                    emitter.send(SseEmitter.event().id(Integer.toString(event.seq())).name(event.type())
                            .data(event, MediaType.APPLICATION_JSON));
                    cursor = event.seq();
                    lastSent = System.nanoTime();
                    if (event.isTerminal()) {
                        emitter.complete();
                        return;
                    }
                }
                if (batch.size() == BATCH) {
                    continue;
                }
                if (batch.isEmpty() && queries.isFinishedAt(jobId, cursor)) {
                    emitter.complete();
                    return;
                }
                if (System.nanoTime() - lastSent > HEARTBEAT.toNanos()) {
                    // a comment line keeps proxies from closing an idle stream, and tells us the client left
                    emitter.send(SseEmitter.event().comment("keep-alive"));
                    lastSent = System.nanoTime();
                }
                signals.await(jobId, RECHECK);
            }
            emitter.complete();
        } catch (IOException | IllegalStateException e) {
            // the client went away; nothing to clean up beyond this thread
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            emitter.complete();
        } catch (RuntimeException e) {
            emitter.completeWithError(e);
        }
    }
}
