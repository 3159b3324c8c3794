package io.tunegate.job;

import io.tunegate.security.ProjectId;

import java.util.UUID;

/**
 * Pausing and resuming a job at a provider that supports it (OpenAI, and the sandbox): behind
 * {@code POST /v1/jobs/{id}/pause|resume} and the OpenAI-compatible surface. The provider is called during the
 * request; the job follows its answer. Refusals are {@link io.tunegate.platform.web.ApiException}s:
 * {@code not-found} (no such job in the project), {@code conflict} (the job has ended, or is not running for a
 * pause / not paused for a resume), {@code operation-not-supported} (its provider cannot pause jobs),
 * {@code provider-error} / {@code provider-unavailable} (the provider refused, or could not be reached: the job
 * is left as it was).
 */
public interface JobPausing {

    JobView pause(ProjectId project, UUID jobId);

    JobView resume(ProjectId project, UUID jobId);
}
