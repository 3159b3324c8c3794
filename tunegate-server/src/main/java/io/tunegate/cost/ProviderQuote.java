package io.tunegate.cost;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one provider would charge for a job.
 *
 * @param providerModel         the provider's id for the base model
 * @param available             whether the job can be sent there now; {@code reasons} says why not
 * @param epochs                the epochs it would train (resolved from "auto" by the catalog's rule)
 * @param billableTokens        training tokens x epochs, plus validation tokens where billed; null: data unknown
 * @param tokenCount            "exact", "approximate" or "unknown"
 * @param pricePerMillionTokens USD; null when billed by the hour
 * @param totalUsd              null when it cannot be known before training (unknown data, hourly billing)
 */
public record ProviderQuote(String provider, String providerModel, boolean available, List<String> reasons,
                            int epochs, String epochsBasis, Long billableTokens, String tokenCount,
                            BigDecimal pricePerMillionTokens, BigDecimal pricePerHour, boolean priceConfirmed,
                            BigDecimal totalUsd, String notes) {

    public ProviderQuote {
        reasons = List.copyOf(reasons);
    }
}
