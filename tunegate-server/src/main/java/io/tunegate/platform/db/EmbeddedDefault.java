package io.tunegate.platform.db;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * The embedded default: no database configured, so Tunegate runs its own PostgreSQL.
 * Some conveniences (the sandbox provider, a generated bootstrap key) are on only there.
 */
public final class EmbeddedDefault implements Condition {

    public static boolean isActive(Environment environment) {
        return !StringUtils.hasText(environment.getProperty("spring.datasource.url"));
    }

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return isActive(context.getEnvironment());
    }
}
