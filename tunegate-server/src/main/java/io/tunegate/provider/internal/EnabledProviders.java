package io.tunegate.provider.internal;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderOff;
import io.tunegate.provider.Providers;
import io.tunegate.provider.resilience.ProviderPolicies;
import io.tunegate.provider.resilience.ProviderResilience;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * Collects the adapter beans that configuration switched on, wraps each with resilience (retry, circuit
 * breaker, bulkhead, time limits: {@link ProviderResilience}) around metrics, and says at start-up which
 * providers are on and why the others are off.
 */
@Component
class EnabledProviders implements Providers, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EnabledProviders.class);

    private final Map<String, ProviderAdapter> adapters = new TreeMap<>();
    private final List<ProviderOff> off;
    private final ProviderPolicies policies;
    private final ProviderResilience resilience;

    EnabledProviders(List<ProviderAdapter> beans, ObjectProvider<ProviderOff> offBeans, ProviderPolicies policies,
                     MeterRegistry registry) {
        List<ProviderOff> off = offBeans.orderedStream().toList();
        this.policies = policies;
        this.resilience = new ProviderResilience(registry);
        this.off = off.stream().filter(o -> beans.stream().noneMatch(b -> b.id().equals(o.id())))
                .sorted(java.util.Comparator.comparing(ProviderOff::id)).toList();
        for (ProviderAdapter adapter : beans) {
            adapters.put(adapter.id(), resilience.decorate(new MeteredProviderAdapter(adapter, registry),
                    policies.of(adapter.id())));
        }
        if (adapters.isEmpty()) {
            log.warn("No provider is enabled: jobs will be refused until one is configured");
        } else {
            log.info("Enabled providers: {}", adapters.keySet());
        }
        this.off.forEach(o -> log.info("Provider {} is off: {}", o.id(), o.reason()));
    }

    @Override
    public Optional<ProviderAdapter> find(String id) {
        return Optional.ofNullable(adapters.get(id));
    }

    @Override
    public Collection<ProviderAdapter> enabled() {
        return adapters.values();
    }

    @Override
    public List<ProviderOff> off() {
        return off;
    }

    @Override
    public Optional<String> circuitState(String id) {
        if (!adapters.containsKey(id)) {
            return Optional.empty();
        }
        return resilience.circuitBreaker(id).map(CircuitBreaker::getState).map(EnabledProviders::name);
    }

    private static String name(CircuitBreaker.State state) {
        return switch (state) {
            case OPEN, FORCED_OPEN -> "open";
            case HALF_OPEN -> "half_open";
            default -> state.name().toLowerCase(Locale.ROOT);
        };
    }

    @Override
    public OptionalInt maxConcurrentJobs(String id) {
        Integer max = policies.of(id).maxConcurrentJobs();
        return max == null ? OptionalInt.empty() : OptionalInt.of(max);
    }

    @Override
    public void destroy() {
        resilience.close();
    }
}
