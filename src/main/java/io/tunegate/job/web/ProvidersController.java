package io.tunegate.job.web;

import io.tunegate.catalog.ModelCatalog;
import io.tunegate.catalog.Offer;
import io.tunegate.provider.ProviderNames;
import io.tunegate.provider.Providers;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    private record SlotUse(int inUse, int waiting) {
    }

    private final Providers providers;
    private final ModelCatalog catalog;
    private final JdbcClient jdbc;
    private final Clock clock;

    ProvidersController(Providers providers, ModelCatalog catalog, JdbcClient jdbc, Clock clock) {
        this.providers = providers;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @GetMapping(path = "/v1/providers", produces = MediaType.APPLICATION_JSON_VALUE)
    ProvidersView providers() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Map<String, SlotUse> use = slotUse();
        Map<String, String> offReasons = new HashMap<>();
        providers.off().forEach(o -> offReasons.put(o.id(), o.reason()));
        List<ProviderView> views = new ArrayList<>();
        for (String id : ProviderNames.KNOWN) {
            boolean on = providers.find(id).isPresent();
            if (!on && ProviderNames.SANDBOX.equals(id)) {
                continue; // a testing aid: only listed when switched on
            }
            SlotUse slots = use.getOrDefault(id, new SlotUse(0, 0));
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

    private Map<String, SlotUse> slotUse() {
        Map<String, SlotUse> use = new HashMap<>();
        jdbc.sql("""
                        select provider,
                               count(*) filter (where provider_job_id is not null or submit_attempts > 0) as in_use,
                               count(*) filter (where status = 'queued' and provider_job_id is null
                                                  and submit_attempts = 0) as waiting
                        from jobs where status not in ('succeeded', 'failed', 'cancelled') group by provider""")
                .query(rs -> {
                    use.put(rs.getString("provider"), new SlotUse(rs.getInt("in_use"), rs.getInt("waiting")));
                });
        return use;
    }
}
