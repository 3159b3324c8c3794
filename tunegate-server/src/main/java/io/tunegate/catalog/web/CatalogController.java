package io.tunegate.catalog.web;

import io.tunegate.catalog.Availability;
import io.tunegate.catalog.CatalogModel;
import io.tunegate.catalog.ModelCatalog;
import io.tunegate.catalog.Offer;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** {@code GET /v1/catalog}: every base model, who trains it, at what price, and whether they still do today. */
@RestController
class CatalogController {

    record CatalogView(String object, String version, LocalDate today, List<ModelView> models) {
    }

    record ModelView(String name, String tokenCount, List<OfferView> offers) {
    }

    record OfferView(String provider, String modelId, List<String> aliases, BigDecimal pricePerMillionTokens,
                     BigDecimal pricePerHour, boolean priceConfirmed, int minEpochs, int maxEpochs,
                     int maxTokensPerExample, int minExamples, long maxFileBytes, boolean validationTokensBilled,
                     List<String> roles, LocalDate trainingAvailableFrom, LocalDate trainingAvailableUntil,
                     LocalDate retires, boolean availableNow, String unavailableReason, String notes) {
    }

    private final ModelCatalog catalog;
    private final Clock clock;

    CatalogController(ModelCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    @GetMapping(path = "/v1/catalog", produces = MediaType.APPLICATION_JSON_VALUE)
    CatalogView catalog() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return new CatalogView("catalog", catalog.version(), today,
                catalog.models().stream().map(m -> view(m, today)).toList());
    }

    private static ModelView view(CatalogModel model, LocalDate today) {
        return new ModelView(model.name(), model.tokens().exactness(),
                model.offers().values().stream().map(o -> view(o, today)).toList());
    }

    private static OfferView view(Offer o, LocalDate today) {
        Availability availability = o.availabilityOn(today);
        return new OfferView(o.provider(), o.modelId(), o.aliases(), o.pricePerMillionTokens(), o.pricePerHour(),
                o.priceConfirmed(), o.epochs().min(), o.epochs().max(), o.maxTokensPerExample(), o.minExamples(),
                o.maxFileBytes(), o.validationTokensBilled(), o.roles().stream().sorted().toList(),
                o.trainingAvailableFrom(), o.trainingAvailableUntil(), o.retires(), availability.open(),
                availability.reason(), o.notes());
    }
}
