package io.tunegate.provider.openai;

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

/** The OpenAI adapter when an API key is configured; otherwise a note that it is off and how to switch it on. */
@Configuration(proxyBeanMethods = false)
class OpenAiConfiguration {

    static final String KEY_PROPERTY = "tunegate.providers.openai.api-key";

    @Bean
    @Conditional(KeyPresent.class)
    OpenAiAdapter openAiAdapter(OpenAiSettings settings, DatasetExports exports, ProviderPolicies policies,
                                Clock clock) {
        return new OpenAiAdapter(settings, exports, policies.of(OpenAiAdapter.ID), clock);
    }

    @Bean
    @Conditional(KeyMissing.class)
    ProviderOff openAiOff() {
        return new ProviderOff(OpenAiAdapter.ID, "no API key (set TUNEGATE_PROVIDERS_OPENAI_API_KEY)");
    }

    static class KeyPresent implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String key = context.getEnvironment().getProperty(KEY_PROPERTY);
            return key != null && !key.isBlank();
        }
    }

    static class KeyMissing extends KeyPresent {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !super.matches(context, metadata);
        }
    }
}
