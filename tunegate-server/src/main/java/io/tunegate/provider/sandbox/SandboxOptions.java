package io.tunegate.provider.sandbox;

import io.tunegate.provider.ProviderNames;
import io.tunegate.provider.options.OptionReader;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The job's {@code provider_options.sandbox}, checked. */
record SandboxOptions(SandboxJob.Outcome outcome, Duration duration, Integer steps, String submitError,
                      int transientErrors, Duration latency, int lostSubmitAnswers) {

    static final SandboxOptions NONE = new SandboxOptions(null, null, null, null, 0, null, 0);

    private static final Set<String> KEYS = Set.of("outcome", "duration_seconds", "steps", "submit_error",
            "transient_errors", "latency_ms", "lose_submit_answers");

    static SandboxOptions from(Map<String, Object> options) {
        if (options == null || options.isEmpty()) {
            return NONE;
        }
        OptionReader in = OptionReader.of(ProviderNames.SANDBOX, options).allowOnly(KEYS);
        String outcome = in.oneOf("outcome", Set.of("succeed", "fail"));
        String submitError = in.oneOf("submit_error", Set.of("transient", "permanent"));
        Double seconds = in.decimal("duration_seconds", 0.1, 86_400);
        Double steps = in.decimal("steps", 1, 10_000);
        Double transientErrors = in.decimal("transient_errors", 0, 100);
        // bounded: a slow call holds one of the scheduler's threads
        Double latencyMs = in.decimal("latency_ms", 0, 10_000);
        Double lost = in.decimal("lose_submit_answers", 0, 100);
        return new SandboxOptions(
                outcome == null ? null : SandboxJob.Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)),
                seconds == null ? null : Duration.ofMillis(Math.round(seconds * 1000)),
                steps == null ? null : steps.intValue(),
                submitError,
                transientErrors == null ? 0 : transientErrors.intValue(),
                latencyMs == null ? null : Duration.ofMillis(latencyMs.longValue()),
                lost == null ? 0 : lost.intValue());
    }

    /** Checks the options at request time, so a typo is a 400 rather than a surprise later. */
    static void validate(Map<String, Object> options) {
        from(options);
    }
}
