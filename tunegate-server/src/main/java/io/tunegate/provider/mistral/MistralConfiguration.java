package io.tunegate.provider.mistral;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderOff;
import io.tunegate.provider.resilience.ProviderPolicies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.time.Clock;

/** The Mistral adapter when an API key is configured, else a note saying the provider is off and why. */
@Configuration(proxyBeanMethods = false)
class MistralConfiguration {

    static final String API_KEY = "tunegate.providers.mistral.api-key";

    @Bean
    @Conditional(HasApiKey.class)
    MistralAdapter mistralAdapter(MistralSettings settings, DatasetExports exports, ProviderPolicies policies) {
        return new MistralAdapter(settings, exports, policies.of(MistralAdapter.ID), Clock.systemUTC());
    }

    @Bean
    @Conditional(NoApiKey.class)
    ProviderOff mistralOff() {
        return new ProviderOff(MistralAdapter.ID, "no API key (set TUNEGATE_PROVIDERS_MISTRAL_API_KEY)");
    }

    static final class HasApiKey implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String key = context.getEnvironment().getProperty(API_KEY);
            return key != null && !key.isBlank();
        }
    }

    static final class NoApiKey implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new HasApiKey().matches(context, metadata);
        }
    }
}
