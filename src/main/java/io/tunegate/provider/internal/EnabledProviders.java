package io.tunegate.provider.internal;

import io.micrometer.core.instrument.MeterRegistry;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.Providers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Collects the adapter beans that configuration switched on and says at start-up which they are. */
@Component
class EnabledProviders implements Providers {

    private static final Logger log = LoggerFactory.getLogger(EnabledProviders.class);

    private final Map<String, ProviderAdapter> adapters = new TreeMap<>();

    EnabledProviders(List<ProviderAdapter> beans, MeterRegistry registry) {
        for (ProviderAdapter adapter : beans) {
            adapters.put(adapter.id(), new MeteredProviderAdapter(adapter, registry));
        }
        if (adapters.isEmpty()) {
            log.warn("No provider is enabled: jobs will be refused until one is configured");
        } else {
            log.info("Enabled providers: {}", adapters.keySet());
        }
    }

    @Override
    public Optional<ProviderAdapter> find(String id) {
        return Optional.ofNullable(adapters.get(id));
    }

    @Override
    public Collection<ProviderAdapter> enabled() {
        return adapters.values();
    }
}
