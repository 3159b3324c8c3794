package io.tunegate.webhook.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Signs a message per the Standard Webhooks specification: {@code webhook-signature} holds
 * {@code v1,<base64 HMAC-SHA256 of "id.timestamp.body">} once per secret, space-separated, so a receiver that
 * knows either secret of a rotation accepts it.
 */
public final class WebhookSigner {

    public static final String ID = "webhook-id";
    public static final String TIMESTAMP = "webhook-timestamp";
    public static final String SIGNATURE = "webhook-signature";

    private WebhookSigner() {
    }

    /** The three headers of one attempt; {@code messageId} stays the same across retries, the timestamp does not. */
    public static Map<String, String> headers(String messageId, Instant at, String body, List<String> secrets) {
        long timestamp = at.getEpochSecond();
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(ID, messageId);
        headers.put(TIMESTAMP, Long.toString(timestamp));
        headers.put(SIGNATURE, signature(messageId, timestamp, body, secrets));
        return headers;
    }

    public static String signature(String messageId, long timestamp, String body, List<String> secrets) {
        if (secrets.isEmpty()) {
            throw new IllegalArgumentException("no secret to sign with");
        }
        byte[] content = (messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8);
        List<String> parts = new ArrayList<>();
        for (String secret : secrets) {
            parts.add("v1," + Base64.getEncoder().encodeToString(hmac(WebhookSecret.key(secret), content)));
        }
        return String.join(" ", parts);
    }

    private static byte[] hmac(byte[] key, byte[] content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
