package io.tunegate.platform.db;

import io.tunegate.TunegateApplication;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a database configured, the gateway uses it: no embedded server, its schema migrated there, the key
 * from configuration, and no sandbox unless asked for.
 */
class ExternalDatabaseTest {

    @Test
    void aConfiguredDatabaseIsUsedAndTheSandboxStaysOff(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgresServer external = EmbeddedPostgresServer.start(dir.resolve("external-pg"));
             ConfigurableApplicationContext app = new SpringApplicationBuilder(TunegateApplication.class).run(
                     "--server.port=0",
                     "--spring.datasource.url=" + external.jdbcUrl(),
                     "--spring.datasource.username=postgres",
                     "--tunegate.data-dir=" + dir.resolve("data"),
                     "--tunegate.bootstrap.key=tg_external_database_test")) {
            assertThat(app.getBeanNamesForType(EmbeddedPostgresServer.class)).isEmpty();
            assertThat(Files.exists(dir.resolve("data/postgres"))).isFalse();
            try (var c = DriverManager.getConnection(external.jdbcUrl());
                 var rs = c.createStatement().executeQuery("select count(*) from projects where name = 'default'")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(1);
            }

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            TestApi api = TestApi.withKey(port, "tg_external_database_test");
            TestApi.Response refused = api.post("/v1/jobs", Jobs.request("external").replace(
                    "\"provider\": \"sandbox\"", "\"provider\": \"auto\""));
            assertThat(refused.status()).isEqualTo(422);
            assertThat(refused.json().get("type").asString()).endsWith("/no-provider");
        }
    }
}
