package io.tunegate.job.internal;

import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wakes the event streams of a job when this instance commits new events for it. Streams also re-read the
 * database on a short timeout, which covers events committed by another instance.
 */
@Component
public class JobSignals {

    private final ConcurrentHashMap<UUID, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** Waits until the job is signalled or the timeout passes. */
    public void await(UUID jobId, Duration timeout) throws InterruptedException {
        CompletableFuture<Void> signal = waiting.computeIfAbsent(jobId, id -> new CompletableFuture<>());
        try {
            signal.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // a timeout is the normal case: the caller reads the database again either way
        } finally {
            // no entry outlives its waiters; another waiter on the same job at worst waits for its timeout
            waiting.remove(jobId, signal);
        }
    }

    public void signal(UUID jobId) {
        CompletableFuture<Void> signal = waiting.remove(jobId);
        if (signal != null) {
            signal.complete(null);
        }
    }
}
