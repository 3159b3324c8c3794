package io.tunegate.platform.scheduling;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;

import javax.sql.DataSource;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * db-scheduler wired by hand (its Spring Boot starter predates Boot 4). Tasks are beans contributed by the
 * modules. The data source is transaction-aware, so scheduling joins the caller's transaction: a job and
 * the task that follows it are committed together or not at all.
 */
@Configuration(proxyBeanMethods = false)
class SchedulerConfiguration {

    @Bean(destroyMethod = "")
    Scheduler scheduler(DataSource dataSource, List<Task<?>> tasks, SchedulerSettings settings) {
        List<Task<?>> onDemand = tasks.stream().filter(t -> !(t instanceof RecurringTask<?>)).toList();
        List<RecurringTask<?>> recurring = tasks.stream()
                .filter(t -> t instanceof RecurringTask<?>).<RecurringTask<?>>map(t -> (RecurringTask<?>) t).toList();
        return Scheduler.create(new TransactionAwareDataSourceProxy(dataSource), onDemand)
                .startTasks(recurring)
                .schedulerName(new SchedulerName.Fixed(instanceName()))
                .threads(settings.threads())
                .executorService(Executors.newVirtualThreadPerTaskExecutor())
                .pollingInterval(settings.pollingInterval())
                .heartbeatInterval(settings.heartbeatInterval())
                .missedHeartbeatsLimit(settings.missedHeartbeatsLimit())
                .shutdownMaxWait(settings.shutdownMaxWait())
                .pollUsingLockAndFetch(0.5, 1.0)
                .enableImmediateExecution()
                .alwaysPersistTimestampInUTC()
                .build();
    }

    @Bean
    SmartLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SmartLifecycle() {
            private volatile boolean running;

            @Override
            public void start() {
                scheduler.start();
                running = true;
            }

            @Override
            public void stop() {
                // stops picking and lets executions in flight finish (up to 2 x shutdownMaxWait); each one that
                // finishes is rescheduled, which releases it to the other instances at once. The default phase
                // stops this before the web server drains and long before the connection pool closes.
                scheduler.stop();
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    /** Unique per process, so a restarted instance never mistakes another's picked work for its own. */
    private static String instanceName() {
        String runtime = ManagementFactory.getRuntimeMXBean().getName();
        return runtime + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
