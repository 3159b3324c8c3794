package io.tunegate.provider.sandbox;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A sandbox job as the sandbox stores it; everything else about it is derived from the clock.
 *
 * @param pauses when it was paused and resumed, in turn: {@code [paused, resumed, paused, ...]}; an odd
 *               count means it is paused now
 */
record SandboxJob(String id, String clientToken, String baseModel, Outcome outcome, int steps,
                  Duration duration, long trainedTokens, Instant createdAt, Instant cancelledAt, List<Instant> pauses) {

    enum Outcome { SUCCEED, FAIL }

    SandboxJob {
        pauses = pauses == null ? List.of() : List.copyOf(pauses);
    }

    SandboxJob(String id, String clientToken, String baseModel, Outcome outcome, int steps, Duration duration,
               long trainedTokens, Instant createdAt, Instant cancelledAt) {
        this(id, clientToken, baseModel, outcome, steps, duration, trainedTokens, createdAt, cancelledAt, List.of());
    }
}
