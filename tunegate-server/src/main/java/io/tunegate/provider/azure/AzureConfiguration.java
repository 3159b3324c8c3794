package io.tunegate.provider.azure;

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

/** The Azure OpenAI adapter when an endpoint and API key are configured; otherwise a note saying what is missing. */
@Configuration(proxyBeanMethods = false)
class AzureConfiguration {

    @Bean
    @Conditional(Configured.class)
    AzureOpenAiAdapter azureOpenAiAdapter(AzureSettings settings, DatasetExports exports, ProviderPolicies policies,
                                          Clock clock) {
        return new AzureOpenAiAdapter(settings, exports, policies.of(AzureOpenAiAdapter.ID), clock);
    }

    @Bean
    @Conditional(NotConfigured.class)
    ProviderOff azureOff() {
        return new ProviderOff(AzureOpenAiAdapter.ID,
                "no endpoint or API key (set TUNEGATE_PROVIDERS_AZURE_ENDPOINT and TUNEGATE_PROVIDERS_AZURE_API_KEY)");
    }

    static class Configured implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return present(context, "tunegate.providers.azure.endpoint")
                    && present(context, "tunegate.providers.azure.api-key");
        }

        private static boolean present(ConditionContext context, String property) {
            String value = context.getEnvironment().getProperty(property);
            return value != null && !value.isBlank();
        }
    }

    static class NotConfigured extends Configured {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
