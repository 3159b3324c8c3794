package io.tunegate.support;

import io.tunegate.TunegateApplication;
import io.tunegate.security.Projects;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A gateway with settings of its own, started by hand in the test JVM on a fresh data directory and random
 * port. A second cached Spring test context would pause the shared one (and its scheduler), so tests that
 * need other settings start one of these instead.
 */
public final class HandStartedGateway implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private HandStartedGateway(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static HandStartedGateway start(String... settings) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--tunegate.data-dir=target/test-data/" + UUID.randomUUID(),
                "--tunegate.scheduler.polling-interval=100ms",
                "--tunegate.jobs.submit-retry-backoff=100ms"));
        args.addAll(List.of(settings));
        return new HandStartedGateway(new SpringApplicationBuilder(TunegateApplication.class)
                .run(args.toArray(String[]::new)));
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** A new project with its own key, so tests do not see each other's jobs and budgets. */
    public TestApi newProject() {
        return TestApi.newProject(port(), context.getBean(Projects.class));
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
