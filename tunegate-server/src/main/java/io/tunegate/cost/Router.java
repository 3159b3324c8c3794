package io.tunegate.cost;

import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ProblemType;
import io.tunegate.provider.ProviderNames;
import io.tunegate.provider.RoutePlan;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses a job's providers from its quote: {@code auto} takes the cheapest available one, an explicit
 * provider is used when it can train the model now, and fallbacks follow in the order given. A provider
 * whose quote exceeds the job's {@code budget_limit} is passed over. Every choice and every skip is noted,
 * and the plan's reason is recorded as the job's first routing event. Nothing usable is a refusal that
 * names the reasons (dates included) and the alternatives.
 */
@Component
public class Router {

    public RoutePlan plan(String requested, List<String> fallbacks, Quote quote, BigDecimal budgetLimit) {
        List<String> notes = new ArrayList<>();
        Set<String> chosen = new LinkedHashSet<>();
        List<ProviderQuote> overBudget = new ArrayList<>();
        if (ProviderNames.AUTO.equals(requested)) {
            List<ProviderQuote> candidates = quote.providers().stream().filter(ProviderQuote::available).toList();
            Optional<ProviderQuote> pick = candidates.stream().filter(q -> fits(q, budgetLimit)).findFirst();
            candidates.stream().filter(q -> !fits(q, budgetLimit)).forEach(overBudget::add);
            pick.ifPresentOrElse(q -> {
                chosen.add(q.provider());
                notes.add("auto chose " + q.provider() + ": " + (q == candidates.getFirst() ? quote.auto().reason()
                        : "the cheapest available provider within budget_limit " + budgetLimit + " USD"));
            }, () -> notes.add("auto: " + (candidates.isEmpty() ? quote.auto().reason()
                    : "no available provider fits budget_limit " + budgetLimit + " USD")));
        } else {
            consider(requested, quote, budgetLimit, chosen, notes, overBudget);
        }
        for (String fallback : fallbacks) {
            if (!chosen.contains(fallback)) {
                consider(fallback, quote, budgetLimit, chosen, notes, overBudget);
            }
        }
        if (chosen.isEmpty()) {
            throw refusal(quote, budgetLimit, notes, overBudget);
        }
        if (notes.isEmpty()) {
            notes.add("requested " + String.join(", then ", chosen));
        }
        return new RoutePlan(List.copyOf(chosen), String.join("; ", notes));
    }

    private static void consider(String name, Quote quote, BigDecimal budgetLimit, Set<String> chosen,
                                 List<String> notes, List<ProviderQuote> overBudget) {
        Optional<ProviderQuote> q = quote.forProvider(name);
        if (q.isEmpty()) {
            notes.add(name + " does not offer " + quote.baseModel());
        } else if (!q.get().available()) {
            notes.add(String.join("; ", q.get().reasons()));
        } else if (!fits(q.get(), budgetLimit)) {
            overBudget.add(q.get());
            notes.add(name + " would cost " + q.get().totalUsd() + " USD, over budget_limit " + budgetLimit + " USD");
        } else {
            chosen.add(name);
            if (!notes.isEmpty()) {
                notes.add("using " + name);
            }
        }
    }

    private static boolean fits(ProviderQuote q, BigDecimal budgetLimit) {
        return budgetLimit == null || q.totalUsd() == null || q.totalUsd().compareTo(budgetLimit) <= 0;
    }

    private static ApiException refusal(Quote quote, BigDecimal budgetLimit, List<String> notes,
                                        List<ProviderQuote> overBudget) {
        if (!overBudget.isEmpty()) {
            ProviderQuote cheapest = overBudget.stream().min(Quoter.CHEAPEST_AVAILABLE_FIRST).orElseThrow();
            return new ApiException(ProblemType.BUDGET_EXCEEDED, "The job's estimated cost, " + cheapest.totalUsd()
                    + " USD on " + cheapest.provider() + ", exceeds its budget_limit of " + budgetLimit + " USD.")
                    .with("estimated_cost_usd", cheapest.totalUsd())
                    .with("budget_limit_usd", budgetLimit)
                    .with("provider", cheapest.provider());
        }
        String alternatives = quote.providers().stream().filter(ProviderQuote::available).map(ProviderQuote::provider)
                .collect(Collectors.joining(", "));
        return new ApiException(ProblemType.NO_PROVIDER, String.join("; ", notes) + ". "
                + (alternatives.isEmpty() ? "No provider can train " + quote.baseModel() + " now."
                : "Providers that can train " + quote.baseModel() + " now: " + alternatives + "."))
                .with("alternatives", quote.providers().stream().filter(ProviderQuote::available)
                        .map(ProviderQuote::provider).toList());
    }
}
