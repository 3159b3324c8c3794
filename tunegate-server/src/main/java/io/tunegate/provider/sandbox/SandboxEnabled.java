package io.tunegate.provider.sandbox;

import io.tunegate.platform.db.EmbeddedDefault;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** On when {@code tunegate.providers.sandbox.enabled} says so, else only on the embedded default. */
class SandboxEnabled implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        Boolean explicit = context.getEnvironment().getProperty("tunegate.providers.sandbox.enabled", Boolean.class);
        return explicit != null ? explicit : EmbeddedDefault.isActive(context.getEnvironment());
    }
}
