package io.tunegate.job.domain;

import io.tunegate.job.JobStatus;

/** The state machine refused a move; the job is left as it was. */
public class IllegalTransitionException extends RuntimeException {

    public IllegalTransitionException(JobStatus from, JobStatus to) {
        super("A job cannot go from " + from.wire() + " to " + to.wire());
    }
}
