package io.tunegate.job;

import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * Tunegate's normalized job status. validating, queued (before submission) and submitting belong to the
 * gateway; once the provider has the job, its own words are mapped onto queued, running, paused and the ends.
 * paused is not an end: the job keeps its provider slot and budget reservation, is still followed, and can be
 * resumed, cancelled, or end as the provider says.
 */
public enum JobStatus {
    VALIDATING, QUEUED, SUBMITTING, RUNNING, PAUSED, SUCCEEDED, FAILED, CANCELLING, CANCELLED;

    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static JobStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
