package io.tunegate.provider.sandbox;

import io.tunegate.platform.web.ApiException;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** The job's {@code provider_options.sandbox}, checked. */
record SandboxOptions(SandboxJob.Outcome outcome, Duration duration, Integer steps, String submitError,
                      int transientErrors, Duration latency, int lostSubmitAnswers) {

    static final SandboxOptions NONE = new SandboxOptions(null, null, null, null, 0, null, 0);

    static SandboxOptions from(Map<String, Object> options) {
        if (options == null || options.isEmpty()) {
            return NONE;
        }
        String outcome = text(options, "outcome");
        String submitError = text(options, "submit_error");
        Number seconds = number(options, "duration_seconds");
        Number steps = number(options, "steps");
        Number transientErrors = number(options, "transient_errors");
        Number latencyMs = number(options, "latency_ms");
        Number lost = number(options, "lose_submit_answers");
        return new SandboxOptions(
                outcome == null ? null : SandboxJob.Outcome.valueOf(outcome.toUpperCase(Locale.ROOT)),
                seconds == null ? null : Duration.ofMillis(Math.round(seconds.doubleValue() * 1000)),
                steps == null ? null : steps.intValue(),
                submitError,
                transientErrors == null ? 0 : transientErrors.intValue(),
                latencyMs == null ? null : Duration.ofMillis(latencyMs.longValue()),
                lost == null ? 0 : lost.intValue());
    }

    /** Checks the options at request time, so a typo is a 400 rather than a surprise later. */
    static void validate(Map<String, Object> options) {
        for (String key : options.keySet()) {
            if (!java.util.Set.of("outcome", "duration_seconds", "steps", "submit_error", "transient_errors",
                    "latency_ms", "lose_submit_answers").contains(key)) {
                throw ApiException.invalid("provider_options.sandbox." + key, "unknown sandbox option");
            }
        }
        String outcome = text(options, "outcome");
        if (outcome != null && !outcome.equals("succeed") && !outcome.equals("fail")) {
            throw ApiException.invalid("provider_options.sandbox.outcome", "must be 'succeed' or 'fail'");
        }
        String submitError = text(options, "submit_error");
        if (submitError != null && !submitError.equals("transient") && !submitError.equals("permanent")) {
            throw ApiException.invalid("provider_options.sandbox.submit_error", "must be 'transient' or 'permanent'");
        }
        range(options, "duration_seconds", 0.1, 86_400);
        range(options, "steps", 1, 10_000);
        range(options, "transient_errors", 0, 100);
        range(options, "lose_submit_answers", 0, 100);
        // bounded: a slow call holds one of the scheduler's threads
        range(options, "latency_ms", 0, 10_000);
    }

    private static void range(Map<String, Object> options, String key, double min, double max) {
        Number n = number(options, key);
        if (n != null && (n.doubleValue() < min || n.doubleValue() > max)) {
            throw ApiException.invalid("provider_options.sandbox." + key, "must be between " + min + " and " + max);
        }
    }

    private static String text(Map<String, Object> options, String key) {
        Object value = options.get(key);
        if (value != null && !(value instanceof String)) {
            throw ApiException.invalid("provider_options.sandbox." + key, "must be a string");
        }
        return (String) value;
    }

    private static Number number(Map<String, Object> options, String key) {
        Object value = options.get(key);
        if (value != null && !(value instanceof Number)) {
            throw ApiException.invalid("provider_options.sandbox." + key, "must be a number");
        }
        return (Number) value;
    }
}
