package io.tunegate.provider;

import java.util.List;

/**
 * The providers a job may use, in order: the chosen one first, then its fallbacks.
 *
 * @param reason what was considered and why, recorded as a job event
 */
public record RoutePlan(List<String> providers, String reason) {

    public RoutePlan {
        providers = List.copyOf(providers);
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one provider");
        }
    }

    public String primary() {
        return providers.getFirst();
    }
}
