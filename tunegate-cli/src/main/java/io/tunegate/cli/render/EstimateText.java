package io.tunegate.cli.render;

import io.tunegate.client.model.Estimate;

/** A quote for people: one row per provider, cheapest available first, then what "auto" would pick. */
public final class EstimateText {

    private EstimateText() {
    }

    public static String render(Estimate estimate) {
        StringBuilder out = new StringBuilder(estimate.baseModel());
        if (estimate.catalogModel() != null && !estimate.catalogModel().equals(estimate.baseModel())) {
            out.append(" (catalog: ").append(estimate.catalogModel()).append(')');
        }
        out.append(", ").append(estimate.examples() == null ? "examples not counted yet"
                : Formats.count(estimate.examples()) + " examples").append('\n');
        Table table = Table.of("PROVIDER", "MODEL", "AVAILABLE", "EPOCHS", "TOKENS", "USD/1M", "TOTAL USD", "NOTES");
        for (Estimate.ProviderQuote q : estimate.providers()) {
            String price = q.pricePerMillionTokens() != null ? Formats.amount(q.pricePerMillionTokens())
                    : q.pricePerHour() != null ? Formats.amount(q.pricePerHour()) + "/h" : null;
            if (price != null && !q.priceConfirmed()) {
                price += "*";
            }
            table.row(q.provider(), q.providerModel(), q.available() ? "yes" : "no", q.epochs(),
                    q.billableTokens() == null ? null : Formats.count(q.billableTokens())
                            + ("approximate".equals(q.tokenCount()) ? "~" : ""),
                    price, Formats.amount(q.totalUsd()), String.join("; ", q.reasons()));
        }
        out.append(table.render());
        boolean unconfirmed = estimate.providers().stream().anyMatch(q -> !q.priceConfirmed());
        boolean approximate = estimate.providers().stream().anyMatch(q -> "approximate".equals(q.tokenCount()));
        if (unconfirmed || approximate) {
            out.append(unconfirmed ? "* price not confirmed in an official source" : "")
                    .append(unconfirmed && approximate ? "; " : "")
                    .append(approximate ? "~ tokens counted approximately" : "").append('\n');
        }
        if (estimate.auto() != null) {
            out.append("auto: ").append(estimate.auto().provider() == null ? "no provider can run it now"
                    : estimate.auto().provider()).append(" (").append(estimate.auto().reason()).append(")\n");
        }
        return out.toString();
    }
}
