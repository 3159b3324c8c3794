package io.tunegate.client.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The gateway's model catalog ({@code GET /v1/catalog}): every base model, who trains it, at what price, today. */
public record Catalog(String object, String version, LocalDate today, List<CatalogModel> models) {

    public Catalog {
        models = models == null ? List.of() : List.copyOf(models);
    }

    /** A base model under its canonical name; {@code tokenCount} is {@code exact} or {@code approximate}. */
    public record CatalogModel(String name, String tokenCount, List<Offer> offers) {
        public CatalogModel {
            offers = offers == null ? List.of() : List.copyOf(offers);
        }
    }

    /** One provider's offer of a base model; {@code availableNow} false gives {@code unavailableReason}. */
    public record Offer(String provider, String modelId, List<String> aliases, BigDecimal pricePerMillionTokens,
                        BigDecimal pricePerHour, boolean priceConfirmed, int minEpochs, int maxEpochs,
                        int maxTokensPerExample, int minExamples, long maxFileBytes, boolean validationTokensBilled,
                        List<String> roles, LocalDate trainingAvailableFrom, LocalDate trainingAvailableUntil,
                        LocalDate retires, boolean availableNow, String unavailableReason, String notes) {
        public Offer {
            aliases = aliases == null ? List.of() : List.copyOf(aliases);
            roles = roles == null ? List.of() : List.copyOf(roles);
        }
    }
}
