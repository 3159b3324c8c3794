package io.tunegate.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * API keys carry 256 random bits, so a plain SHA-256 is enough to make a stolen table useless;
 * a slow password hash would only slow down every request.
 */
final class ApiKeyHash {

    private ApiKeyHash() {
    }

    static byte[] of(String key) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
