package io.tunegate.provider.sandbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * The sandbox provider: a testing aid that plays a realistic job without calling anyone.
 *
 * @param enabled            null means "on only on the embedded default"
 * @param jobDuration        how long a job takes from submission to its end
 * @param steps              training steps (one metric point each)
 * @param pollInterval       how often the gateway asks about a sandbox job
 * @param callLatency        added to every call, to play a slow provider
 * @param failureRate        share of jobs (0..1) that fail halfway, chosen by job id so it is repeatable
 * @param transientErrorRate share of calls (0..1) that fail transiently, like a 503 would
 */
@ConfigurationProperties("tunegate.providers.sandbox")
public record SandboxSettings(
        Boolean enabled,
        @DefaultValue("20s") Duration jobDuration,
        @DefaultValue("20") int steps,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("0ms") Duration callLatency,
        @DefaultValue("0.0") double failureRate,
        @DefaultValue("0.0") double transientErrorRate,
        @DefaultValue("0") BigDecimal pricePerMillionTokens,
        @DefaultValue("4096") long tokensPerStep) {
}
