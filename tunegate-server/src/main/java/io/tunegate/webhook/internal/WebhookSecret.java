package io.tunegate.webhook.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Signing secrets in the Standard Webhooks form: {@code whsec_} and the base64 of 32 random bytes. */
public final class WebhookSecret {

    public static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecret() {
    }

    public static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The HMAC key a secret stands for. */
    public static byte[] key(String secret) {
        String encoded = secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret;
        return Base64.getDecoder().decode(encoded);
    }
}
