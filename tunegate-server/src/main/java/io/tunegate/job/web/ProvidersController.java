package io.tunegate.job.web;

import io.tunegate.catalog.ModelCatalog;
import io.tunegate.catalog.Offer;
import io.tunegate.job.internal.ProviderSlotUse;
import io.tunegate.provider.ProviderNames;
import io.tunegate.provider.Providers;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /v1/providers}: every provider the gateway knows, whether it is on (and why not), its circuit
 * state, the job slots it gives us and how many are taken (across all projects: the cap is the provider
 * account's), and the models it can train today by the catalog. Lives in the job module because slot use is
 * job state.
 */
@RestController
class ProvidersController {

    record ProvidersView(String object, List<ProviderView> data) {
    }

    record ProviderView(String id, boolean enabled, String reason, String circuitState, Integer maxConcurrentJobs,
                        int jobsInUse, int jobsWaiting, List<ModelView> models) {
    }

    record ModelView(String baseModel, String providerModel, BigDecimal pricePerMillionTokens,
                     BigDecimal pricePerHour, boolean priceConfirmed, LocalDate trainingAvailableUntil) {
    }

    private final Providers providers;
    private final ModelCatalog catalog;
    private final ProviderSlotUse slotUse;
    private final Clock clock;

    ProvidersController(Providers providers, ModelCatalog catalog, ProviderSlotUse slotUse, Clock clock) {
        this.providers = providers;
        this.catalog = catalog;
        this.slotUse = slotUse;
        this.clock = clock;
    }

    @GetMapping(path = "/v1/providers", produces = MediaType.APPLICATION_JSON_VALUE)
    ProvidersView providers() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, ProviderSlotUse.Use> use = slotUse.current();
        Map<String, String> offReasons = new HashMap<>();
        providers.off().forEach(o -> offReasons.put(o.id(), o.reason()));
        List<ProviderView> views = new ArrayList<>();
        for (String id : ProviderNames.KNOWN) {
            boolean on = providers.find(id).isPresent();
            if (!on && ProviderNames.SANDBOX.equals(id)) {
                continue; // a testing aid: only listed when switched on
            }
            ProviderSlotUse.Use slots = slotUse.of(use, id);
            views.add(new ProviderView(id, on, on ? null : offReasons.getOrDefault(id, "not configured"),
                    providers.circuitState(id).orElse(null),
                    providers.maxConcurrentJobs(id).stream().boxed().findFirst().orElse(null),
                    slots.inUse(), slots.waiting(), on ? models(id, today) : List.of()));
        }
        return new ProvidersView("list", views);
    }

    private List<ModelView> models(String provider, LocalDate today) {
        return catalog.models().stream()
                .flatMap(m -> m.offer(provider).stream())
                .filter(o -> o.availabilityOn(today).open())
                .map(ProvidersController::view)
                .toList();
    }

    private static ModelView view(Offer o) {
        return new ModelView(o.model(), o.modelId(), o.pricePerMillionTokens(), o.pricePerHour(), o.priceConfirmed(),
                o.trainingAvailableUntil());
    }
}
