package io.tunegate.client.model;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * A job's normalized status. {@link #UNKNOWN} stands for a status a newer gateway added, so that an older client
 * keeps reading its jobs.
 */
public enum JobStatus {
    VALIDATING, QUEUED, SUBMITTING, RUNNING, SUCCEEDED, FAILED, CANCELLING, CANCELLED,
    @JsonEnumDefaultValue UNKNOWN;

    /** Whether the job has ended; an ended job never changes again. */
    public boolean isTerminal() {
        return this == SUCCEEDED || this == FAILED || this == CANCELLED;
    }

    /** The status as the API spells it ({@code running}). */
    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses the API's spelling; unknown words give {@link #UNKNOWN}. */
    public static JobStatus fromWire(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return UNKNOWN;
        }
    }
}
