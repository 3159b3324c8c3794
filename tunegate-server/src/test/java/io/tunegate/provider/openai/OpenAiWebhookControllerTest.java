package io.tunegate.provider.openai;

import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ProblemType;
import io.tunegate.provider.ProviderJobChanged;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenAiWebhookControllerTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final List<Object> published = new ArrayList<>();

    private OpenAiWebhookController controller(String secret) {
        return new OpenAiWebhookController(new OpenAiSettings("https://api.openai.com/v1", null, null, null, secret,
                Duration.ofSeconds(30), Duration.ofSeconds(10)), published::add, JsonMapper.builder().build(),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void withoutASecretTheEndpointDoesNotExist() {
        assertThatThrownBy(() -> controller(null).receive("id", "1", "v1,x", new byte[0]))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.NOT_FOUND))
                .hasMessageContaining("TUNEGATE_PROVIDERS_OPENAI_WEBHOOK_SECRET");
        assertThat(published).isEmpty();
    }

    @Test
    void aValidFineTuningEventIsPublishedForItsJobAndOthersAreNot() throws Exception {
        String ts = String.valueOf(NOW.getEpochSecond());
        byte[] failed = "{\"type\": \"fine_tuning.job.failed\", \"data\": {\"id\": \"ftjob-9\"}}".getBytes(StandardCharsets.UTF_8);
        byte[] other = "{\"type\": \"response.completed\", \"data\": {\"id\": \"resp_1\"}}".getBytes(StandardCharsets.UTF_8);
        OpenAiWebhookController controller = controller(WebhookSignatureTest.SECRET);

        assertThat(controller.receive("wh_1", ts, WebhookSignatureTest.sign(WebhookSignatureTest.SECRET, "wh_1", ts, failed),
                failed).getStatusCode().value()).isEqualTo(200);
        assertThat(controller.receive("wh_2", ts, WebhookSignatureTest.sign(WebhookSignatureTest.SECRET, "wh_2", ts, other),
                other).getStatusCode().value()).isEqualTo(200);

        assertThat(published).containsExactly(new ProviderJobChanged("openai", "ftjob-9"));
    }

    @Test
    void aSignedBodyThatIsNotJsonIsABadRequest() throws Exception {
        String ts = String.valueOf(NOW.getEpochSecond());
        byte[] body = "not json".getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> controller(WebhookSignatureTest.SECRET).receive("wh_1", ts,
                WebhookSignatureTest.sign(WebhookSignatureTest.SECRET, "wh_1", ts, body), body))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.type()).isEqualTo(ProblemType.MALFORMED_JSON));
        assertThat(published).isEmpty();
    }
}
