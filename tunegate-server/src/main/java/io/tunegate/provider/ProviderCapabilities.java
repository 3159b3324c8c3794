package io.tunegate.provider;

import java.time.Duration;

/**
 * What the gateway needs to know of a provider beyond the catalog.
 *
 * @param pollInterval how often a running job is worth asking about
 * @param pausable     whether {@link ProviderAdapter#pause} and {@link ProviderAdapter#resume} work
 */
public record ProviderCapabilities(Duration pollInterval, boolean pausable) {

    /** A provider that cannot pause jobs: most of them. */
    public ProviderCapabilities(Duration pollInterval) {
        this(pollInterval, false);
    }
}
