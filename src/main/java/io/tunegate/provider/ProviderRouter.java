package io.tunegate.provider;

import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.ProblemType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Chooses the providers for a job. {@code auto} picks the cheapest enabled provider that can train the base
 * model; fallbacks follow in the order given. Providers that are off or cannot train the model are skipped,
 * and the plan's reason says so. No usable provider at all is a refusal, not a failed job.
 */
@Component
public class ProviderRouter {

    private final Providers providers;

    ProviderRouter(Providers providers) {
        this.providers = providers;
    }

    public RoutePlan plan(String requested, List<String> fallbacks, String baseModel) {
        List<String> notes = new ArrayList<>();
        Set<String> chosen = new LinkedHashSet<>();
        if (ProviderNames.AUTO.equals(requested)) {
            cheapestFor(baseModel).ifPresentOrElse(
                    p -> {
                        chosen.add(p.id());
                        notes.add("auto chose " + p.id() + ", the cheapest enabled provider that can train "
                                + baseModel + " (" + p.capabilities().pricePerMillionTrainingTokens() + " USD/1M tokens)");
                    },
                    () -> notes.add("auto found no enabled provider that can train " + baseModel));
        } else {
            consider(requested, baseModel, chosen, notes);
        }
        for (String fallback : fallbacks) {
            if (!chosen.contains(fallback)) {
                consider(fallback, baseModel, chosen, notes);
            }
        }
        if (chosen.isEmpty()) {
            throw new ApiException(ProblemType.NO_PROVIDER, String.join("; ", notes) + ". Enabled providers: "
                    + providers.enabled().stream().map(ProviderAdapter::id).sorted().collect(Collectors.joining(", "))
                    + ".");
        }
        if (notes.isEmpty()) {
            notes.add("requested " + String.join(", then ", chosen));
        }
        return new RoutePlan(List.copyOf(chosen), String.join("; ", notes));
    }

    private java.util.Optional<ProviderAdapter> cheapestFor(String baseModel) {
        return providers.enabled().stream()
                .filter(p -> p.canTrain(baseModel))
                .min(Comparator.comparing((ProviderAdapter p) -> p.capabilities().pricePerMillionTrainingTokens())
                        .thenComparing(ProviderAdapter::id));
    }

    private void consider(String name, String baseModel, Set<String> chosen, List<String> notes) {
        var adapter = providers.find(name);
        if (adapter.isEmpty()) {
            notes.add(name + " is not enabled on this gateway");
        } else if (!adapter.get().canTrain(baseModel)) {
            notes.add(name + " cannot train " + baseModel);
        } else {
            chosen.add(name);
        }
    }
}
