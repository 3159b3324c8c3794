package io.tunegate.webhook.internal;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Our signatures, checked by the published Standard Webhooks library playing the receiver. */
class WebhookSignerTest {

    private static final String BODY = "{\"type\":\"job.succeeded\",\"timestamp\":\"2026-11-21T12:00:00Z\","
            + "\"data\":{\"id\":\"x\",\"name\":\"caf\u00e9 \u2603\"}}";

    private static Map<String, List<String>> receivedHeaders(Map<String, String> sent) {
        return sent.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(e.getValue())));
    }

    @Test
    void aGeneratedSecretIsWhsecAndThirtyTwoRandomBytes() {
        String secret = WebhookSecret.generate();
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(WebhookSecret.generate()).isNotEqualTo(secret);
    }

    @Test
    void theStandardWebhooksLibraryVerifiesOurSignature() throws Exception {
        String secret = WebhookSecret.generate();
        Map<String, String> headers = WebhookSigner.headers("msg_2Kq", Instant.now(), BODY, List.of(secret));

        assertThat(headers.get("webhook-signature")).startsWith("v1,").doesNotContain(" ");
        new Webhook(secret).verify(BODY, receivedHeaders(headers));
    }

    @Test
    void itRejectsAnotherSecretOrAChangedBody() {
        String secret = WebhookSecret.generate();
        Map<String, List<String>> headers = receivedHeaders(
                WebhookSigner.headers("msg_1", Instant.now(), BODY, List.of(secret)));

        assertThatThrownBy(() -> new Webhook(WebhookSecret.generate()).verify(BODY, headers))
                .isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> new Webhook(secret).verify(BODY.replace("succeeded", "failed"), headers))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void duringARotationBothSecretsVerify() throws Exception {
        String current = WebhookSecret.generate();
        String previous = WebhookSecret.generate();
        Map<String, String> sent = WebhookSigner.headers("msg_rot", Instant.now(), BODY, List.of(current, previous));

        assertThat(sent.get("webhook-signature").split(" ")).hasSize(2).allMatch(s -> s.startsWith("v1,"));
        new Webhook(current).verify(BODY, receivedHeaders(sent));
        new Webhook(previous).verify(BODY, receivedHeaders(sent));
    }

    @Test
    void theSignatureIsTheDocumentedHmac() {
        // Standard Webhooks' own test vector (spec repository, "verify" example)
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        assertThat(WebhookSigner.signature("msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330L, body, List.of(secret)))
                .isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
    }
}
