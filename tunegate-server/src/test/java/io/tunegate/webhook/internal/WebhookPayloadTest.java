package io.tunegate.webhook.internal;

import io.tunegate.registry.ModelVersionView;
import io.tunegate.webhook.WebhookEventType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The body every receiver gets: {type, timestamp, data}, never over 20 kB. */
class WebhookPayloadTest {

    private static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    private final WebhookOutbox outbox = new WebhookOutbox(null, null, null, JSON, null, null);

    private static ModelVersionView version(Map<String, Object> hyperparameters) {
        return new ModelVersionView("model.version", "support-bot", 3, "0193-job", "sandbox", "ft:sandbox:x",
                "meta-llama/Llama-3.1-8B-Instruct", "ds-1", null, hyperparameters, 1200L, new BigDecimal("0.42"),
                Instant.parse("2026-11-21T12:00:00Z"));
    }

    @Test
    void aPayloadIsTypeTimestampAndTheObjectInSnakeCase() {
        String body = outbox.payload(WebhookEventType.MODEL_VERSION_CREATED, Instant.parse("2026-11-21T12:00:01Z"),
                version(Map.of("epochs", 2)));
        JsonNode json = JSON.readTree(body);

        assertThat(json.propertyNames()).containsExactly("type", "timestamp", "data");
        assertThat(json.get("type").asString()).isEqualTo("model.version_created");
        assertThat(json.get("timestamp").asString()).isEqualTo("2026-11-21T12:00:01Z");
        assertThat(json.get("data").get("provider_model_id").asString()).isEqualTo("ft:sandbox:x");
    }

    @Test
    void anOversizedObjectIsReplacedByItsIdentity() {
        Map<String, Object> huge = new LinkedHashMap<>();
        for (int i = 0; i < 100; i++) {
            huge.put("k" + i, "x".repeat(300));
        }
        String body = outbox.payload(WebhookEventType.MODEL_VERSION_CREATED, Instant.now(), version(huge));

        assertThat(body.getBytes(StandardCharsets.UTF_8).length).isLessThan(WebhookOutbox.MAX_PAYLOAD_BYTES);
        JsonNode json = JSON.readTree(body);
        assertThat(json.get("truncated").asBoolean()).isTrue();
        assertThat(json.get("data").get("model").asString()).isEqualTo("support-bot");
        assertThat(json.get("data").get("version").asInt()).isEqualTo(3);
        assertThat(json.get("data").has("hyperparameters")).isFalse();
    }
}
