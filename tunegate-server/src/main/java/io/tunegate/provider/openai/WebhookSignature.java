package io.tunegate.provider.openai;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Checks OpenAI's webhook signatures (the Standard Webhooks scheme, as openai-python's {@code _webhooks.py}
 * does): HMAC-SHA256 over {@code "<webhook-id>.<webhook-timestamp>.<raw body>"}, keyed with the base64 part of
 * the {@code whsec_...} secret, compared with each {@code v1,<base64>} entry of {@code webhook-signature};
 * the timestamp must be within {@link #TOLERANCE} of now either way, so a captured request cannot be replayed
 * later.
 */
final class WebhookSignature {

    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String PREFIX = "whsec_";

    private final byte[] key;

    WebhookSignature(String secret) {
        // as the SDK: a whsec_ secret is base64; anything else is used as its bytes
        try {
            this.key = secret.startsWith(PREFIX) ? Base64.getDecoder().decode(secret.substring(PREFIX.length()).strip())
                    : secret.getBytes(StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            // the message must not echo the secret
            throw new IllegalStateException("tunegate.providers.openai.webhook-secret starts with whsec_ but the rest"
                    + " is not base64; copy the secret exactly as OpenAI shows it");
        }
    }

    /** Why a request was refused; the message is safe to answer with (it names no secret). */
    static final class Invalid extends Exception {
        Invalid(String message) {
            super(message, null, false, false);
        }
    }

    void verify(String id, String timestamp, String signatures, byte[] body, Instant now) throws Invalid {
        if (id == null || id.isBlank() || timestamp == null || timestamp.isBlank() || signatures == null
                || signatures.isBlank()) {
            throw new Invalid("webhook-id, webhook-timestamp and webhook-signature headers are required");
        }
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new Invalid("webhook-timestamp is not a unix time in seconds");
        }
        if (Duration.between(sent, now).abs().compareTo(TOLERANCE) > 0) {
            throw new Invalid("webhook-timestamp is more than 5 minutes away from now");
        }
        byte[] expected = sign(id, timestamp.strip(), body);
        for (String entry : signatures.strip().split(" +")) {
            int comma = entry.indexOf(',');
            if (comma < 0 || !entry.substring(0, comma).equals("v1")) {
                continue;
            }
            byte[] given;
            try {
                given = Base64.getDecoder().decode(entry.substring(comma + 1));
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (MessageDigest.isEqual(expected, given)) {
                return;
            }
        }
        throw new Invalid("no webhook-signature matches the request");
    }

    byte[] sign(String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
