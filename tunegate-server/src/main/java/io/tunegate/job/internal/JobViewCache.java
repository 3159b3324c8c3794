package io.tunegate.job.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.tunegate.job.JobSettings;
import io.tunegate.job.JobView;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Job views for {@code GET /v1/jobs/{id}}, which clients poll in loops. Every commit on this instance drops
 * the job's entry, so this instance always reads its own writes; a change committed by another instance
 * shows within {@code tunegate.jobs.view-cache-ttl} (1 s; 0 turns the cache off). Keyed by project and job,
 * so one project can never be served another's job.
 */
@Component
class JobViewCache {

    private record Key(UUID projectId, UUID jobId) {
    }

    private final Cache<Key, JobView> cache;

    JobViewCache(JobSettings settings) {
        this.cache = settings.viewCacheTtl().isZero() ? null
                : Caffeine.newBuilder().maximumSize(50_000).expireAfterWrite(settings.viewCacheTtl()).build();
    }

    Optional<JobView> get(UUID projectId, UUID jobId, Supplier<Optional<JobView>> load) {
        if (cache == null) {
            return load.get();
        }
        // a miss (unknown job) is not cached: a job created on another instance is visible at once
        return Optional.ofNullable(cache.get(new Key(projectId, jobId), k -> load.get().orElse(null)));
    }

    void invalidate(UUID projectId, UUID jobId) {
        if (cache != null) {
            cache.invalidate(new Key(projectId, jobId));
        }
    }
}
