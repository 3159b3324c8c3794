package io.tunegate.provider.openai;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WebhookSignatureTest {

    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a test signing key, 32 bytes ok!"
            .getBytes(StandardCharsets.UTF_8));
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String ID = "wh_685342e6c53c8190a1be43f081506c52";
    private static final String TS = String.valueOf(NOW.getEpochSecond());
    private static final byte[] BODY = """
            {"id": "evt_1", "object": "event", "created_at": 1763726400, "type": "fine_tuning.job.succeeded",
             "data": {"id": "ftjob-abc"}}""".getBytes(StandardCharsets.UTF_8);

    private final WebhookSignature signature = new WebhookSignature(SECRET);

    /** Signed as OpenAI does, computed independently of the class under test. */
    static String sign(String secret, String id, String timestamp, byte[] body) throws Exception {
        javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                "HmacSHA256"));
        mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
    }

    @Test
    void aValidSignaturePasses() throws Exception {
        assertThatCode(() -> signature.verify(ID, TS, sign(SECRET, ID, TS, BODY), BODY, NOW)).doesNotThrowAnyException();
    }

    @Test
    void aSignatureMadeWithAnotherSecretFails() throws Exception {
        String other = "whsec_" + Base64.getEncoder().encodeToString("another key entirely, 32 bytes!!".getBytes());
        assertThatThrownBy(() -> signature.verify(ID, TS, sign(other, ID, TS, BODY), BODY, NOW))
                .isInstanceOf(WebhookSignature.Invalid.class).hasMessageContaining("no webhook-signature matches");
    }

    @Test
    void aTamperedBodyOrIdFails() throws Exception {
        String valid = sign(SECRET, ID, TS, BODY);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8).replace("ftjob-abc", "ftjob-xyz")
                .getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> signature.verify(ID, TS, valid, tampered, NOW))
                .isInstanceOf(WebhookSignature.Invalid.class);
        assertThatThrownBy(() -> signature.verify("wh_other", TS, valid, BODY, NOW))
                .isInstanceOf(WebhookSignature.Invalid.class);
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayEitherWayFails() throws Exception {
        String old = String.valueOf(NOW.getEpochSecond() - 301);
        String future = String.valueOf(NOW.getEpochSecond() + 301);
        String edge = String.valueOf(NOW.getEpochSecond() - 300);
        assertThatThrownBy(() -> signature.verify(ID, old, sign(SECRET, ID, old, BODY), BODY, NOW))
                .isInstanceOf(WebhookSignature.Invalid.class).hasMessageContaining("5 minutes");
        assertThatThrownBy(() -> signature.verify(ID, future, sign(SECRET, ID, future, BODY), BODY, NOW))
                .isInstanceOf(WebhookSignature.Invalid.class).hasMessageContaining("5 minutes");
        assertThatCode(() -> signature.verify(ID, edge, sign(SECRET, ID, edge, BODY), BODY, NOW))
                .doesNotThrowAnyException();
        // the timestamp is part of what is signed: moving it breaks the signature
        assertThatThrownBy(() -> signature.verify(ID, edge, sign(SECRET, ID, TS, BODY), BODY, NOW))
                .isInstanceOf(WebhookSignature.Invalid.class);
    }

    @Test
    void oneValidSignatureAmongSeveralIsEnough() throws Exception {
        String other = "whsec_" + Base64.getEncoder().encodeToString("the previous key, before rotation".getBytes());
        String header = sign(other, ID, TS, BODY) + " v2,bm90IHRoaXM= v1,%%notbase64 " + sign(SECRET, ID, TS, BODY);
        assertThatCode(() -> signature.verify(ID, TS, header, BODY, NOW)).doesNotThrowAnyException();
        assertThatThrownBy(() -> signature.verify(ID, TS, sign(other, ID, TS, BODY) + " v1,%%notbase64", BODY, NOW))
                .isInstanceOf(WebhookSignature.Invalid.class);
    }

    @Test
    void missingOrMalformedHeadersFail() throws Exception {
        String valid = sign(SECRET, ID, TS, BODY);
        assertThatThrownBy(() -> signature.verify(null, TS, valid, BODY, NOW)).isInstanceOf(WebhookSignature.Invalid.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> signature.verify(ID, null, valid, BODY, NOW)).isInstanceOf(WebhookSignature.Invalid.class);
        assertThatThrownBy(() -> signature.verify(ID, TS, " ", BODY, NOW)).isInstanceOf(WebhookSignature.Invalid.class);
        assertThatThrownBy(() -> signature.verify(ID, "yesterday", valid, BODY, NOW))
                .isInstanceOf(WebhookSignature.Invalid.class).hasMessageContaining("unix time");
        // the signature without its v1, prefix is not accepted
        assertThatThrownBy(() -> signature.verify(ID, TS, valid.substring(3), BODY, NOW))
                .isInstanceOf(WebhookSignature.Invalid.class);
    }

    @Test
    void aSecretThatIsNotBase64StopsTheStartWithoutShowingIt() {
        assertThatThrownBy(() -> new WebhookSignature("whsec_not*base64!"))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("not*base64");
    }
}
