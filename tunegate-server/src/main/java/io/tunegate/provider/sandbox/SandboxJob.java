package io.tunegate.provider.sandbox;

import java.time.Duration;
import java.time.Instant;

/** A sandbox job as the sandbox stores it; everything else about it is derived from the clock. */
record SandboxJob(String id, String clientToken, String baseModel, Outcome outcome, int steps,
                  Duration duration, long trainedTokens, Instant createdAt, Instant cancelledAt) {

    enum Outcome { SUCCEED, FAIL }
}
