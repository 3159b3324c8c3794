package io.tunegate.job;

import java.util.Optional;
import java.util.UUID;

/**
 * Reads a job as the API shows it, in the caller's transaction and without any cache: a listener of a job's
 * events sees the state the event announces, even before the commit.
 */
public interface JobViews {

    Optional<JobView> find(UUID projectId, UUID jobId);
}
