package io.tunegate.cost;

import io.tunegate.catalog.Availability;
import io.tunegate.catalog.CatalogModel;
import io.tunegate.catalog.EpochRule;
import io.tunegate.catalog.ModelCatalog;
import io.tunegate.catalog.Offer;
import io.tunegate.catalog.TokenFamily;
import io.tunegate.dataset.Datasets.DatasetSummary;
import io.tunegate.dataset.TokenFigures;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.Providers;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Prices a job on every offer of its base model: the catalog's offers plus providers that take any model
 * (the sandbox). Billable tokens are the dataset's tokens under each provider's per-example limit, scaled by
 * the model's calibrated token factor, times the epochs; validation tokens are added where the provider
 * bills them (once per epoch, an assumption the notes state).
 */
@Component
public class Quoter {

    /** Micro-dollars, the precision the database keeps. */
    static final int SCALE = 6;
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

    private final ModelCatalog catalog;
    private final Providers providers;
    private final Clock clock;

    Quoter(ModelCatalog catalog, Providers providers, Clock clock) {
        this.catalog = catalog;
        this.providers = providers;
        this.clock = clock;
    }

    /**
     * @param epochs     the requested epochs; null means "auto"
     * @param training   the counted training data; null while it is not known (s3:// or https:// data)
     * @param validation the counted validation data, if any
     */
    public record Request(String baseModel, Integer epochs, DatasetSummary training, DatasetSummary validation) {
    }

    public Quote quote(Request request) {
        Optional<CatalogModel> model = catalog.find(request.baseModel());
        Map<String, Offer> offers = new LinkedHashMap<>();
        model.ifPresent(m -> offers.putAll(m.offers()));
        for (ProviderAdapter adapter : providers.enabled()) {
            adapter.anyModelOffer(request.baseModel()).ifPresent(o -> offers.putIfAbsent(o.provider(), o));
        }
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        TokenFamily family = model.map(CatalogModel::tokens).orElse(null);
        List<ProviderQuote> quotes = new ArrayList<>();
        offers.values().forEach(offer -> quotes.add(quote(offer, family, request, today)));
        quotes.sort(CHEAPEST_AVAILABLE_FIRST);
        Long examples = request.training() == null ? null : request.training().examples();
        return new Quote(request.baseModel(), model.map(CatalogModel::name).orElse(null), examples, quotes,
                autoChoice(request.baseModel(), quotes));
    }

    /**
     * The per-token price a provider charges for a base model, for turning reported trained tokens into an
     * actual cost; empty when the provider does not offer it or bills by the hour.
     */
    public Optional<BigDecimal> pricePerMillionTokens(String provider, String baseModel) {
        return offer(provider, baseModel).filter(Offer::billedPerToken).map(Offer::pricePerMillionTokens);
    }

    /**
     * What a provider offers for a base model named by any of its names: the catalog's offer (so the
     * provider's own model id, price and lifecycle dates), or the provider's own for one outside the catalog.
     */
    public Optional<Offer> offer(String provider, String baseModel) {
        return catalog.find(baseModel).flatMap(m -> m.offer(provider))
                .or(() -> providers.find(provider).flatMap(a -> a.anyModelOffer(baseModel)));
    }

    /** Available before unavailable; then known totals, cheapest first; then price per token; then name. */
    static final Comparator<ProviderQuote> CHEAPEST_AVAILABLE_FIRST = Comparator
            .comparing((ProviderQuote q) -> !q.available())
            .thenComparing(q -> q.totalUsd() == null)
            .thenComparing(ProviderQuote::totalUsd, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(q -> q.pricePerMillionTokens() == null)
            .thenComparing(ProviderQuote::pricePerMillionTokens, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(ProviderQuote::provider);

    private ProviderQuote quote(Offer offer, TokenFamily family, Request request, LocalDate today) {
        List<String> reasons = new ArrayList<>();
        if (providers.find(offer.provider()).isEmpty()) {
            reasons.add(offer.provider() + " is not enabled on this gateway");
        } else if (!providers.callsPermitted(offer.provider())) {
            reasons.add(offer.provider() + "'s circuit breaker is open after repeated failures; it is not routed to"
                    + " until it recovers");
        }
        Availability availability = offer.availabilityOn(today);
        if (!availability.open()) {
            reasons.add(availability.reason());
        }
        DatasetSummary training = request.training();
        EpochRule rule = offer.epochs();
        int epochs;
        String epochsBasis;
        if (request.epochs() != null) {
            epochs = request.epochs();
            epochsBasis = "requested";
            if (!rule.allows(epochs)) {
                reasons.add(offer.provider() + " trains " + rule.min() + " to " + rule.max() + " epochs, not " + epochs);
            }
        } else {
            EpochRule.Resolved resolved = rule.resolveAuto(training == null ? null : training.examples());
            epochs = resolved.epochs();
            epochsBasis = resolved.basis();
        }
        if (training != null && training.examples() < offer.minExamples()) {
            reasons.add(offer.provider() + " needs at least " + offer.minExamples() + " training examples; the data has "
                    + training.examples());
        }
        if (training != null && training.bytes() > offer.maxFileBytes()) {
            reasons.add(offer.provider() + " takes training files up to " + offer.maxFileBytes() + " bytes; the data has "
                    + training.bytes());
        }
        Long billable = null;
        String tokenCount = "unknown";
        if (training != null) {
            long perEpoch = tokensFor(training.tokens(), family, offer);
            long validationTokens = request.validation() != null && offer.validationTokensBilled()
                    ? tokensFor(request.validation().tokens(), family, offer) : 0;
            billable = Math.multiplyExact(perEpoch + validationTokens, (long) epochs);
            boolean exact = exactFor(training.tokens(), family)
                    && (request.validation() == null || exactFor(request.validation().tokens(), family));
            tokenCount = exact ? "exact" : "approximate";
        }
        BigDecimal total = null;
        if (offer.billedPerToken() && billable != null) {
            total = cost(offer.pricePerMillionTokens(), billable);
        } else if (offer.billedPerToken() && offer.pricePerMillionTokens().signum() == 0) {
            total = BigDecimal.ZERO.setScale(SCALE);
        }
        return new ProviderQuote(offer.provider(), offer.modelId(), reasons.isEmpty(), reasons, epochs, epochsBasis,
                billable, tokenCount, offer.pricePerMillionTokens(), offer.pricePerHour(), offer.priceConfirmed(),
                total, notes(offer));
    }

    /** Tokens per epoch under the offer's per-example limit, in the model's own tokens. */
    private static long tokensFor(TokenFigures counted, TokenFamily family, Offer offer) {
        if (family == null || !family.encoding().equals(counted.encoding())) {
            return counted.billablePerEpochAt(offer.maxTokensPerExample());
        }
        // the limit in counted tokens, then the sum in the model's own tokens
        return family.scale(counted.billablePerEpochAt(family.countedLimit(offer.maxTokensPerExample(), counted.encoding())));
    }

    private static boolean exactFor(TokenFigures counted, TokenFamily family) {
        return counted.exact() && (family == null || family.exact() && family.encoding().equals(counted.encoding()));
    }

    private static String notes(Offer offer) {
        List<String> notes = new ArrayList<>();
        if (!offer.priceConfirmed()) {
            notes.add("price not confirmed in an official source");
        }
        if (offer.validationTokensBilled()) {
            notes.add("validation tokens billed, counted once per epoch");
        }
        if (!offer.billedPerToken()) {
            notes.add("billed per hour of training; the duration is not known in advance");
        }
        if (offer.notes() != null) {
            notes.add(offer.notes());
        }
        return notes.isEmpty() ? null : String.join("; ", notes);
    }

    private static Quote.AutoChoice autoChoice(String baseModel, List<ProviderQuote> sorted) {
        List<ProviderQuote> available = sorted.stream().filter(ProviderQuote::available).toList();
        if (available.isEmpty()) {
            return new Quote.AutoChoice(null, sorted.isEmpty()
                    ? "no provider offers " + baseModel
                    : "no provider can train " + baseModel + " now");
        }
        ProviderQuote best = available.getFirst();
        StringBuilder reason = new StringBuilder("cheapest of ").append(available.size())
                .append(available.size() == 1 ? " available provider: " : " available providers: ")
                .append(best.provider()).append(" at ").append(price(best));
        if (available.size() > 1) {
            ProviderQuote next = available.get(1);
            reason.append(" (next: ").append(next.provider()).append(" at ").append(price(next)).append(')');
        }
        return new Quote.AutoChoice(best.provider(), reason.toString());
    }

    private static String price(ProviderQuote q) {
        if (q.totalUsd() != null) {
            return q.totalUsd().stripTrailingZeros().toPlainString() + " USD";
        }
        return q.pricePerMillionTokens() != null
                ? q.pricePerMillionTokens().stripTrailingZeros().toPlainString() + " USD per 1M tokens"
                : q.pricePerHour().stripTrailingZeros().toPlainString() + " USD per hour";
    }

    public static BigDecimal cost(BigDecimal pricePerMillion, long tokens) {
        return pricePerMillion.multiply(BigDecimal.valueOf(tokens)).divide(MILLION, SCALE, RoundingMode.HALF_UP);
    }
}
