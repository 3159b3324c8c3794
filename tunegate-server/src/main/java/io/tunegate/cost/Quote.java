package io.tunegate.cost;

import java.util.List;
import java.util.Optional;

/**
 * A job priced on every provider that offers its base model.
 *
 * @param catalogModel the catalog's canonical name for the base model; null when the catalog does not know it
 * @param examples     training examples; null while the data is not counted
 * @param providers    one quote per offer, cheapest available first
 * @param auto         what {@code provider: "auto"} would choose and why (provider null: nothing available)
 */
public record Quote(String baseModel, String catalogModel, Long examples, List<ProviderQuote> providers,
                    AutoChoice auto) {

    public Quote {
        providers = List.copyOf(providers);
    }

    public Optional<ProviderQuote> forProvider(String provider) {
        return providers.stream().filter(q -> q.provider().equals(provider)).findFirst();
    }

    public record AutoChoice(String provider, String reason) {
    }
}
