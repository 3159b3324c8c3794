package io.tunegate.dataset.internal;

import io.tunegate.catalog.CatalogModel;
import io.tunegate.catalog.ModelCatalog;
import io.tunegate.catalog.Offer;
import io.tunegate.dataset.analysis.AnalyzerSettings;
import io.tunegate.dataset.analysis.TokenizerChoice;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Chooses how a file is analyzed for the model it is meant for: the catalog's token family counts it, the
 * strictest per-example limit among the model's offers decides which examples are reported as too long,
 * and billable tokens are also summed for every other limit in the catalog, so a quote on any provider
 * needs no second read. A model the catalog does not know falls back to the tokenizer chosen by its name.
 */
@Component
class AnalysisPlanner {

    private final ModelCatalog catalog;

    AnalysisPlanner(ModelCatalog catalog) {
        this.catalog = catalog;
    }

    AnalyzerSettings settingsFor(String baseModel) {
        AnalyzerSettings defaults = AnalyzerSettings.defaults();
        Optional<CatalogModel> model = catalog.find(baseModel);
        TokenizerChoice tokenizer = model
                .map(m -> new TokenizerChoice(m.tokens().encoding(), m.tokens().exact()))
                .orElseGet(() -> TokenizerChoice.forModel(baseModel));
        int limit = model.flatMap(m -> m.offers().values().stream().map(Offer::maxTokensPerExample).min(Integer::compare))
                .orElse(defaults.maxTokensPerExample());
        // plus this model's limits in counted tokens (they differ for approximate families), so provider
        // checks can tell exactly how many examples each offer would truncate
        SortedSet<Integer> limits = new TreeSet<>(catalog.perExampleLimits());
        model.ifPresent(m -> limits.addAll(ProviderChecks.countedLimits(m)));
        return new AnalyzerSettings(tokenizer, defaults.maxLineBytes(), limit, defaults.batchSize(), limits);
    }
}
