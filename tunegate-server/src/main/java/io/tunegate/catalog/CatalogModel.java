package io.tunegate.catalog;

import java.util.Map;
import java.util.Optional;

/**
 * A base model under its canonical name, with every provider's offer to train it.
 *
 * @param offers by provider id, in catalog order
 */
public record CatalogModel(String name, TokenFamily tokens, Map<String, Offer> offers) {

    public CatalogModel {
        offers = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(offers));
    }

    public Optional<Offer> offer(String provider) {
        return Optional.ofNullable(offers.get(provider));
    }

    /** Whether {@code name} is the canonical name or any provider's id or alias for this model. */
    public boolean answersTo(String candidate) {
        return name.equalsIgnoreCase(candidate) || offers.values().stream().anyMatch(o -> o.answersTo(candidate));
    }
}
