package io.tunegate.provider.fireworks;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderOff;
import io.tunegate.provider.resilience.ProviderPolicies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class FireworksConfiguration {

    @Bean
    @Conditional(FireworksCredentials.class)
    FireworksAdapter fireworksAdapter(FireworksSettings settings, ProviderPolicies policies, DatasetExports exports,
                                      Clock clock) {
        return new FireworksAdapter(settings, policies.of(FireworksAdapter.ID), exports, clock);
    }

    @Bean
    @Conditional(FireworksCredentials.Absent.class)
    ProviderOff fireworksOff(Environment environment) {
        return new ProviderOff(FireworksAdapter.ID, FireworksCredentials.missing(environment));
    }
}
