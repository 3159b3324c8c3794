package io.tunegate.provider;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** The adapters enabled on this gateway, each wrapped with resilience and metrics, and those left off. */
public interface Providers {

    Optional<ProviderAdapter> find(String id);

    Collection<ProviderAdapter> enabled();

    /** Known providers that are not on, with the reason (missing credentials, switched off). */
    List<ProviderOff> off();

    /** {@code closed}, {@code open} or {@code half_open}; empty for a provider that is not enabled. */
    Optional<String> circuitState(String id);

    /** False while the provider's circuit breaker is open: calls would not be attempted. */
    default boolean callsPermitted(String id) {
        return find(id).isPresent() && !circuitState(id).map("open"::equals).orElse(false);
    }

    /** Training jobs the provider may run for this gateway at once; empty for no cap. */
    OptionalInt maxConcurrentJobs(String id);

    default ProviderAdapter require(String id) {
        return find(id).orElseThrow(() -> new IllegalStateException("Provider '" + id + "' is not enabled"));
    }
}
