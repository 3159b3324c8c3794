package io.tunegate.job.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.tunegate.job.JobStatus;
import io.tunegate.job.domain.Job;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Job metrics for Prometheus: submitted/succeeded/failed/cancelled by provider and base model, duration by
 * provider and outcome, and active jobs by status (read from the database, so every instance agrees).
 */
@Component
public class JobMeters {

    private static final Duration ACTIVE_REFRESH = Duration.ofSeconds(5);
    /** base_model comes from users: cap its distinct values so a typo storm cannot explode the registry. */
    private static final int MAX_BASE_MODELS = 200;

    private final MeterRegistry registry;
    private final JdbcClient jdbc;
    private final AtomicReference<Map<JobStatus, Long>> active = new AtomicReference<>(Map.of());
    private final AtomicLong activeReadAt = new AtomicLong();

    JobMeters(MeterRegistry registry, JdbcClient jdbc) {
        this.registry = registry;
        this.jdbc = jdbc;
        registry.config().meterFilter(MeterFilter.maximumAllowableTags("tunegate.jobs", "base_model",
                MAX_BASE_MODELS, MeterFilter.deny()));
        for (JobStatus status : JobStatus.values()) {
            if (!status.isTerminal()) {
                Gauge.builder("tunegate.jobs.active", () -> activeCount(status))
                        .description("Jobs not yet ended, by status")
                        .tag("status", status.wire())
                        .register(registry);
            }
        }
    }

    public void submitted(Job job) {
        counter("tunegate.jobs.submitted", job).increment();
    }

    public void ended(Job job) {
        String name = switch (job.status()) {
            case SUCCEEDED -> "tunegate.jobs.succeeded";
            case FAILED -> "tunegate.jobs.failed";
            case CANCELLED -> "tunegate.jobs.cancelled";
            default -> throw new IllegalArgumentException("not ended: " + job.status());
        };
        counter(name, job).increment();
        Timer.builder("tunegate.job.duration")
                .description("From creation to the end of a job")
                .tag("provider", job.provider())
                .tag("outcome", job.status().wire())
                .publishPercentileHistogram()
                // fine-tuning takes minutes to days; the default histogram range stops at 30 s
                .minimumExpectedValue(Duration.ofSeconds(1))
                .maximumExpectedValue(Duration.ofDays(3))
                .register(registry)
                .record(Duration.between(job.createdAt(), job.finishedAt()));
    }

    private Counter counter(String name, Job job) {
        return Counter.builder(name).tag("provider", job.provider()).tag("base_model", job.baseModel())
                .register(registry);
    }

    private double activeCount(JobStatus status) {
        long now = System.nanoTime();
        long last = activeReadAt.get();
        if (now - last > ACTIVE_REFRESH.toNanos() && activeReadAt.compareAndSet(last, now)) {
            Map<JobStatus, Long> counts = new EnumMap<>(JobStatus.class);
            jdbc.sql("""
                            select status, count(*) from jobs
                            where status not in ('succeeded', 'failed', 'cancelled') group by status""")
                    .query(rs -> {
                        counts.put(JobStatus.fromWire(rs.getString(1)), rs.getLong(2));
                    });
            active.set(counts);
        }
        return active.get().getOrDefault(status, 0L);
    }
}
