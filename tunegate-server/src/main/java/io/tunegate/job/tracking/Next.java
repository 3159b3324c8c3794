package io.tunegate.job.tracking;

import java.time.Instant;

/** When the driver wants to look at a job again; {@code null} means never (the job has ended). */
record Next(Instant at) {

    static final Next DONE = new Next(null);

    boolean done() {
        return at == null;
    }
}
