package io.tunegate.provider.together;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderOff;
import io.tunegate.provider.resilience.ProviderPolicies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class TogetherConfiguration {

    @Bean
    @Conditional(TogetherKeyPresent.class)
    TogetherAdapter togetherAdapter(TogetherSettings settings, ProviderPolicies policies, DatasetExports exports,
                                    Clock clock) {
        return new TogetherAdapter(settings, policies.of(TogetherAdapter.ID), exports, clock);
    }

    @Bean
    @Conditional(TogetherKeyPresent.Absent.class)
    ProviderOff togetherOff() {
        return new ProviderOff(TogetherAdapter.ID, "no API key (set TUNEGATE_PROVIDERS_TOGETHER_API_KEY)");
    }
}
