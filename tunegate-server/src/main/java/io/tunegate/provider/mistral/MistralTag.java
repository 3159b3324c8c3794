package io.tunegate.provider.mistral;

import io.tunegate.provider.http.Sha256;

/**
 * The {@code suffix} that tags a Mistral job with the gateway job that created it, so a job created before a crash
 * can be found again by listing ({@code GET /v1/fine_tuning/jobs?suffix=}). Mistral has no idempotency key and no
 * metadata field; the suffix also becomes part of the fine-tuned model's name ({@code ft:<model>:<suffix>:...}).
 *
 * <p>Mistral does not publish the suffix's length or alphabet limits (not verified), so the tag is short and plain:
 * {@code tg} and 16 lower-case hex digits of the key's SHA-256 (18 characters, the limit OpenAI once enforced for
 * the same field). 64 bits of hash make two gateway jobs sharing a tag negligible.
 */
final class MistralTag {

    private MistralTag() {
    }

    static String of(String idempotencyKey) {
        return "tg" + Sha256.hex(idempotencyKey, 16);
    }
}
