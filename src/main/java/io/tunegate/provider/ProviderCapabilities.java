package io.tunegate.provider;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * @param pollInterval                  how often a running job is worth asking about
 * @param pricePerMillionTrainingTokens list price in USD, used for routing and estimates until the catalog exists
 */
public record ProviderCapabilities(Duration pollInterval, BigDecimal pricePerMillionTrainingTokens) {
}
