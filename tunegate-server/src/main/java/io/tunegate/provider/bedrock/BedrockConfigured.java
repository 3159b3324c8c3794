package io.tunegate.provider.bedrock;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** On when region, role-arn and a well-formed staging-uri are set ({@link BedrockSettings#whyOff()}). */
class BedrockConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return settings(context.getEnvironment()).whyOff().isEmpty();
    }

    static BedrockSettings settings(Environment environment) {
        return Binder.get(environment).bindOrCreate("tunegate.providers.bedrock", BedrockSettings.class);
    }

    /** The opposite, for the {@code ProviderOff} beans. */
    static class Not implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new BedrockConfigured().matches(context, metadata);
        }
    }
}
