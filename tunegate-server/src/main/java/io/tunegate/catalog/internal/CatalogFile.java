package io.tunegate.catalog.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The YAML file's shape (snake_case keys); unknown keys are refused so a typo cannot pass unnoticed. */
record CatalogFile(String catalogVersion, Map<String, FamilyEntry> tokenFamilies, LinkedHashMap<String, ModelEntry> models) {

    record FamilyEntry(String encoding, Boolean exact, Double factor) {
    }

    record ModelEntry(String tokenFamily, LinkedHashMap<String, OfferEntry> offers) {
    }

    record OfferEntry(String modelId, List<String> aliases, BigDecimal pricePerMillionTokens, BigDecimal pricePerHour,
                      Boolean priceConfirmed, EpochsEntry epochs, Integer maxTokensPerExample, Integer minExamples,
                      Long maxFileBytes, Boolean validationTokensBilled, List<String> roles,
                      LocalDate trainingAvailableFrom, LocalDate trainingAvailableUntil, LocalDate retires,
                      String notes) {
    }

    record EpochsEntry(Integer min, Integer max, String auto) {
    }
}
