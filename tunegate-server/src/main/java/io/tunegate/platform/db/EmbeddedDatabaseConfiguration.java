package io.tunegate.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import io.tunegate.platform.TunegateSettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;


/** With no database configured, start PostgreSQL under {@code tunegate.data-dir/postgres} and use it. */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDefault.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedPostgresServer embeddedPostgresServer(TunegateSettings settings) {
        return EmbeddedPostgresServer.start(settings.dataDir().resolve("postgres").toAbsolutePath());
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgresServer server) {
        HikariDataSource dataSource = DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(server.jdbcUrl())
                .username("postgres")
                .password("")
                .build();
        dataSource.setPoolName("tunegate-embedded");
        return dataSource;
    }

}
