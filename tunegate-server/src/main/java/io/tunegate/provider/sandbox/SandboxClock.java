package io.tunegate.provider.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A sandbox job's own clock, which stands still while the job is paused. The script plays the job on this
 * clock ("job time"); events are dated on the wall clock again.
 *
 * @param pauses {@code [paused, resumed, paused, ...]} in wall-clock time, in order
 */
record SandboxClock(List<Instant> pauses) {

    /** Job time at wall-clock instant {@code wall}: the wall clock less the time spent paused before it. */
    Instant jobTime(Instant wall) {
        Duration paused = Duration.ZERO;
        for (int i = 0; i < pauses.size() && pauses.get(i).isBefore(wall); i += 2) {
            Instant resumed = i + 1 < pauses.size() && pauses.get(i + 1).isBefore(wall) ? pauses.get(i + 1) : wall;
            paused = paused.plus(Duration.between(pauses.get(i), resumed));
        }
        return wall.minus(paused);
    }

    /** The wall-clock instant at which job time reached {@code jobTime} (a moment already reached). */
    Instant wallTime(Instant jobTime) {
        Instant wall = jobTime;
        for (int i = 0; i + 1 < pauses.size() && pauses.get(i).isBefore(wall); i += 2) {
            wall = wall.plus(Duration.between(pauses.get(i), pauses.get(i + 1)));
        }
        return wall;
    }

    boolean pausedAt(Instant wall) {
        return pauses.size() % 2 == 1 && !pauses.getLast().isAfter(wall);
    }
}
