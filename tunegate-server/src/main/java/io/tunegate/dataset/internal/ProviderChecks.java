package io.tunegate.dataset.internal;

import io.tunegate.catalog.Availability;
import io.tunegate.catalog.CatalogModel;
import io.tunegate.catalog.ModelCatalog;
import io.tunegate.catalog.Offer;
import io.tunegate.catalog.TokenFamily;
import io.tunegate.dataset.ProviderCheck;
import io.tunegate.dataset.analysis.DatasetReport;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Holds a dataset's report against each catalog offer of its base model: minimum examples, file size, the
 * roles the provider's format can express, the offer's lifecycle dates, and examples over its per-example
 * limit. Run when a dataset is shown, never stored, so a catalog change (or the passing of a date) shows at once.
 */
@Component
class ProviderChecks {

    private final ModelCatalog catalog;
    private final Clock clock;

    ProviderChecks(ModelCatalog catalog, Clock clock) {
        this.catalog = catalog;
        this.clock = clock;
    }

    /** One check per offer of {@code baseModel}, in catalog order; none when the catalog does not know it. */
    List<ProviderCheck> check(String baseModel, long fileBytes, DatasetReport report) {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return catalog.find(baseModel)
                .map(model -> model.offers().values().stream()
                        .map(offer -> check(model, offer, fileBytes, report, today)).toList())
                .orElse(List.of());
    }

    static ProviderCheck check(CatalogModel model, Offer offer, long fileBytes, DatasetReport report, LocalDate today) {
        String provider = offer.provider();
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        if (!report.valid()) {
            problems.add("the dataset has errors (see report.errors): no provider takes it as it is");
        }
        if (report.examples() < offer.minExamples()) {
            problems.add(provider + " needs at least " + offer.minExamples() + " training examples; the dataset has "
                    + report.examples());
        }
        if (fileBytes > offer.maxFileBytes()) {
            problems.add("the file is " + fileBytes + " bytes; " + provider + " takes training files of at most "
                    + offer.maxFileBytes() + " bytes");
        }
        report.roles().forEach((role, messages) -> {
            if (!expressible(role, offer)) {
                problems.add(provider + "'s format has no '" + role + "' role (" + messages
                        + (messages == 1 ? " message uses" : " messages use") + " it): "
                        + "examples with it would be left out of the file sent to " + provider);
            }
        });
        Availability availability = offer.availabilityOn(today);
        if (!availability.open()) {
            problems.add(availability.reason());
        }
        overLimitWarning(model.tokens(), offer, report.tokens()).ifPresent(warnings::add);
        return new ProviderCheck(provider, offer.modelId(), problems.isEmpty(), problems, warnings);
    }

    /** Every translation writes OpenAI's {@code developer} role as {@code system}. */
    private static boolean expressible(String role, Offer offer) {
        return offer.roles().contains(role) || "developer".equals(role) && offer.roles().contains("system");
    }

    private static Optional<String> overLimitWarning(TokenFamily family, Offer offer,
                                                               DatasetReport.TokenStats tokens) {
        int limit = offer.maxTokensPerExample();
        int countedLimit = family.countedLimit(limit, tokens.tokenizer());
        OptionalLong over = tokens.overLimitAt(countedLimit);
        String truncation = "; " + offer.provider() + " would truncate them and bill each up to the limit";
        if (over.isEmpty()) {
            return Optional.of("examples over " + offer.provider() + "'s limit of " + limit
                    + " tokens per example were not counted (the catalog changed since the upload was analyzed); "
                    + "the longest has " + tokens.max() + " counted tokens" + truncation);
        }
        if (over.getAsLong() == 0) {
            return Optional.empty();
        }
        boolean approximate = !family.exact() && family.encoding().equals(tokens.tokenizer());
        return Optional.of(over.getAsLong() + (over.getAsLong() == 1 ? " example is" : " examples are")
                + " over " + offer.provider() + "'s limit of " + limit + " tokens per example"
                + (approximate ? " (approximate count: " + family.name() + " tokens estimated from "
                + family.encoding() + ")" : "") + truncation);
    }

    /**
     * The offer's limit in the tokens the dataset was counted in: an approximate family counts {@code factor}
     * model tokens per counted token, so an example is over the limit past {@code limit / factor} counted ones.
     * Like the quotes, the factor applies only when the dataset was counted with the family's encoding.
     */
    /** The counted-token limits {@link TokenFamily#countedLimit} gives for a model, so the analysis counts them. */
    static List<Integer> countedLimits(CatalogModel model) {
        return model.offers().values().stream()
                .map(o -> model.tokens().countedLimit(o.maxTokensPerExample(), model.tokens().encoding()))
                .toList();
    }
}
