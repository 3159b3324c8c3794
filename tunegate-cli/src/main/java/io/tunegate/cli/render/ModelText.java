package io.tunegate.cli.render;

import io.tunegate.client.model.Catalog;
import io.tunegate.client.model.Model;
import io.tunegate.client.model.ModelVersion;
import java.util.List;

/** Registered models and the catalog as tables. */
public final class ModelText {

    private ModelText() {
    }

    public static String registered(List<Model> models) {
        if (models.isEmpty()) {
            return "No registered models yet: each succeeded job adds one.\n";
        }
        Table table = Table.of("NAME", "VERSIONS", "LATEST", "PROVIDER", "PROVIDER MODEL", "BASE MODEL",
                "TRAINED TOKENS", "COST USD", "UPDATED");
        for (Model model : models) {
            ModelVersion v = model.latestVersion();
            table.row(model.name(), model.versionCount(), v == null ? null : v.version(),
                    v == null ? null : v.provider(), v == null ? null : v.providerModelId(),
                    v == null ? null : v.baseModel(), v == null ? null : Formats.count(v.trainedTokens()),
                    v == null ? null : Formats.amount(v.costUsd()),
                    Formats.time(model.updatedAt()));
        }
        return table.render();
    }

    public static String catalog(Catalog catalog) {
        Table table = Table.of("BASE MODEL", "PROVIDER", "PROVIDER MODEL", "USD/1M", "EPOCHS", "TRAINS TODAY");
        for (Catalog.CatalogModel model : catalog.models()) {
            for (Catalog.Offer offer : model.offers()) {
                String price = offer.pricePerMillionTokens() != null
                        ? Formats.amount(offer.pricePerMillionTokens())
                        : offer.pricePerHour() != null ? Formats.amount(offer.pricePerHour()) + "/h"
                        : null;
                table.row(model.name(), offer.provider(), offer.modelId(), price,
                        offer.minEpochs() + "-" + offer.maxEpochs(),
                        offer.availableNow() ? "yes" : "no: " + offer.unavailableReason());
            }
        }
        return "Catalog " + catalog.version() + " (" + catalog.today() + ")\n" + table.render();
    }
}
