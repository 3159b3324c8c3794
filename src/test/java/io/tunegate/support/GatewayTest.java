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
