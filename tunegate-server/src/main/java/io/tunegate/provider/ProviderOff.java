package io.tunegate.provider;

/**
 * A provider this gateway knows but did not switch on, and why (typically: no credentials configured). Adapter
 * configurations register one instead of the adapter, so start-up and {@code GET /v1/providers} can say so.
 */
public record ProviderOff(String id, String reason) {
}
