package io.tunegate.provider.sandbox;

import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
@Conditional(SandboxEnabled.class)
class SandboxConfiguration {

    @Bean
    SandboxProvider sandboxProvider(SandboxSettings settings, JdbcClient jdbc) {
        LoggerFactory.getLogger(SandboxProvider.class).info(
                "Sandbox provider is on: a testing aid that plays jobs locally and never trains a model");
        return new SandboxProvider(settings, new SandboxJobStore(jdbc), Clock.systemUTC());
    }
}
