package io.tunegate.provider.resilience;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** {@link ProviderPolicy} by provider id, read from {@code tunegate.providers.<id>.*}. */
@ConfigurationProperties("tunegate")
public record ProviderPolicies(Map<String, ProviderPolicy> providers) {

    private static final ProviderPolicy DEFAULTS = ProviderPolicy.defaults();

    public ProviderPolicies {
        providers = providers == null ? Map.of() : Map.copyOf(providers);
    }

    public ProviderPolicy of(String provider) {
        return providers.getOrDefault(provider, DEFAULTS);
    }
}
