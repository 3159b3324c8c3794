package io.tunegate.provider.together;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** On when {@code tunegate.providers.together.api-key} has a value. */
class TogetherKeyPresent implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String key = context.getEnvironment().getProperty("tunegate.providers.together.api-key");
        return key != null && !key.isBlank();
    }

    /** The opposite, for the {@code ProviderOff} bean. */
    static class Absent implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new TogetherKeyPresent().matches(context, metadata);
        }
    }
}
