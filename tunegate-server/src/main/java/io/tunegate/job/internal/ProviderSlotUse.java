package io.tunegate.job.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tunegate.provider.ProviderNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How many of each provider's job slots are taken and how many jobs wait for one, over all projects (the
 * provider's cap is the account's). Read from the database, so every instance agrees; also exported as
 * {@code tunegate_provider_jobs{provider, state="in_use"|"waiting"}}, refreshed at most every 5 s.
 */
@Component
public class ProviderSlotUse {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    public record Use(int inUse, int waiting) {

        static final Use NONE = new Use(0, 0);
    }

    private final JdbcClient jdbc;
    private final AtomicReference<Map<String, Use>> cached = new AtomicReference<>(Map.of());
    private final AtomicLong readAt = new AtomicLong();

    ProviderSlotUse(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (String provider : ProviderNames.KNOWN) {
            Gauge.builder("tunegate.provider.jobs", () -> recent(provider).inUse())
                    .description("Jobs holding one of the provider's job slots")
                    .tag("provider", provider).tag("state", "in_use").register(registry);
            Gauge.builder("tunegate.provider.jobs", () -> recent(provider).waiting())
                    .description("Jobs waiting in line for one of the provider's job slots")
                    .tag("provider", provider).tag("state", "waiting").register(registry);
        }
    }

    /** As of now. */
    public Map<String, Use> current() {
        Map<String, Use> use = new HashMap<>();
        jdbc.sql("""
                        select provider,
                               count(*) filter (where provider_job_id is not null or submit_attempts > 0) as in_use,
                               count(*) filter (where status = 'queued' and provider_job_id is null
                                                  and submit_attempts = 0) as waiting
                        from jobs where status not in ('succeeded', 'failed', 'cancelled') group by provider""")
                .query(rs -> {
                    use.put(rs.getString("provider"), new Use(rs.getInt("in_use"), rs.getInt("waiting")));
                });
        cached.set(use);
        readAt.set(System.nanoTime());
        return use;
    }

    public Use of(Map<String, Use> use, String provider) {
        return use.getOrDefault(provider, Use.NONE);
    }

    private Use recent(String provider) {
        long last = readAt.get();
        if (System.nanoTime() - last > REFRESH.toNanos() && readAt.compareAndSet(last, System.nanoTime())) {
            current();
        }
        return of(cached.get(), provider);
    }
}
