package io.tunegate.provider.fireworks;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** On when both {@code api-key} and {@code account-id} of {@code tunegate.providers.fireworks} have values. */
class FireworksCredentials implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return missing(context.getEnvironment()) == null;
    }

    /** What is missing, as the reason the provider is off; null when nothing is. */
    static String missing(Environment environment) {
        if (blank(environment.getProperty("tunegate.providers.fireworks.api-key"))) {
            return "no API key (set TUNEGATE_PROVIDERS_FIREWORKS_API_KEY)";
        }
        if (blank(environment.getProperty("tunegate.providers.fireworks.account-id"))) {
            return "no account id (set TUNEGATE_PROVIDERS_FIREWORKS_ACCOUNT_ID)";
        }
        return null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    static class Absent implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return missing(context.getEnvironment()) != null;
        }
    }
}
