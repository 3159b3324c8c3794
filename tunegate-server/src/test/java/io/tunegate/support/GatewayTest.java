package io.tunegate.support;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The whole gateway on a random port, on its embedded default: a real PostgreSQL under target/, the
 * sandbox provider playing short jobs. Every test class uses the same settings, so they share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "tunegate.data-dir=target/test-data/${random.uuid}",
        "tunegate.providers.sandbox.job-duration=2s",
        "tunegate.providers.sandbox.steps=4",
        "tunegate.providers.sandbox.poll-interval=150ms",
        "tunegate.providers.sandbox.price-per-million-tokens=2.00",
        // tests make sandbox jobs fail on purpose; the one sandbox circuit shared by every test class must not
        // open from those, and the job driver's own retries and recovery are what they test: no retries inside
        // a call (the resilience layer is tested by the adapter contract tests and on gateways of its own)
        "tunegate.providers.sandbox.circuit-breaker.sliding-window-size=1000",
        "tunegate.providers.sandbox.circuit-breaker.minimum-number-of-calls=1000",
        "tunegate.providers.sandbox.retry.max-attempts=1",
        "tunegate.scheduler.polling-interval=100ms",
        "tunegate.jobs.submit-retry-backoff=100ms",
        "tunegate.web.max-request-size=64KB",
        "tunegate.datasets.max-upload-size=2MB",
        "tunegate.providers.openai.webhook-secret=" + GatewayTest.OPENAI_WEBHOOK_SECRET,
})
public @interface GatewayTest {

    /** OpenAI's webhook signing secret in the shared context (a test key, base64 after {@code whsec_}). */
    String OPENAI_WEBHOOK_SECRET = "whsec_dGVzdCB3ZWJob29rIHNpZ25pbmcga2V5LCAzMiBieXRlcyE=";
}
