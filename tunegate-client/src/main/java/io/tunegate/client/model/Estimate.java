package io.tunegate.client.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A job priced on every provider that offers its base model ({@code POST /v1/estimates}).
 *
 * @param catalogModel the catalog's canonical name for the base model; null when the catalog does not know it
 * @param examples     training examples; null while the data is not counted
 * @param providers    one quote per offer, cheapest available first
 * @param auto         what {@code provider: "auto"} would choose and why (provider null: nothing available)
 */
public record Estimate(String baseModel, String catalogModel, Long examples, List<ProviderQuote> providers,
                       AutoChoice auto) {

    public Estimate {
        providers = providers == null ? List.of() : List.copyOf(providers);
    }

    /** The quote of one provider, if it offers the model. */
    public Optional<ProviderQuote> forProvider(String provider) {
        return providers.stream().filter(q -> provider.equals(q.provider())).findFirst();
    }

    /**
     * What one provider would charge.
     *
     * @param available      whether the job can be sent there now; {@code reasons} says why not
     * @param epochs         the epochs it would train ("auto" resolved), {@code epochsBasis} says how
     * @param billableTokens training tokens x epochs (+ validation tokens where billed); null: data unknown
     * @param tokenCount     {@code exact}, {@code approximate} or {@code unknown}
     * @param totalUsd       null when it cannot be known before training (unknown data, hourly billing)
     */
    public record ProviderQuote(String provider, String providerModel, boolean available, List<String> reasons,
                                int epochs, String epochsBasis, Long billableTokens, String tokenCount,
                                BigDecimal pricePerMillionTokens, BigDecimal pricePerHour, boolean priceConfirmed,
                                BigDecimal totalUsd, String notes) {

        public ProviderQuote {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /** The provider {@code "auto"} would pick (null: none can run the job) and why. */
    public record AutoChoice(String provider, String reason) {
    }
}
