package io.tunegate.provider;

import java.util.Collection;
import java.util.Optional;

/** The adapters enabled on this gateway, each already wrapped with metrics. */
public interface Providers {

    Optional<ProviderAdapter> find(String id);

    Collection<ProviderAdapter> enabled();

    default ProviderAdapter require(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("Provider '" + id + "' is not enabled"));
    }
}
