package io.tunegate.provider;

import java.time.Duration;

/**
 * What the gateway needs to know of a provider beyond the catalog.
 *
 * @param pollInterval how often a running job is worth asking about
 */
public record ProviderCapabilities(Duration pollInterval) {
}
