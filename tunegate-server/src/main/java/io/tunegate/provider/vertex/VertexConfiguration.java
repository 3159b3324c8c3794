package io.tunegate.provider.vertex;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderOff;
import io.tunegate.provider.resilience.ProviderPolicies;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The Vertex adapter when credentials, a project and a staging bucket are configured, else a note saying the
 * provider is off and which variables to set. A credentials file that cannot be read stops start-up: it was
 * configured on purpose, so running without it would hide the mistake.
 */
@Configuration(proxyBeanMethods = false)
class VertexConfiguration {

    @Bean
    @Conditional(Configured.class)
    VertexAdapter vertexAdapter(VertexSettings settings, DatasetExports exports, ProviderPolicies policies) {
        return new VertexAdapter(settings, VertexAuth.fromFile(settings.credentialsFile()), exports,
                policies.of(VertexAdapter.ID), Clock.systemUTC());
    }

    @Bean
    @Conditional(NotConfigured.class)
    ProviderOff vertexOff(Environment environment) {
        return new ProviderOff(VertexAdapter.ID, "not configured (set " + String.join(", ", missing(environment))
                + ")");
    }

    /** The environment variables of the required settings that are not set. */
    static List<String> missing(Environment environment) {
        List<String> missing = new ArrayList<>();
        for (String key : List.of("credentials-file", "project", "staging-bucket")) {
            String value = environment.getProperty("tunegate.providers.vertex." + key);
            if (value == null || value.isBlank()) {
                missing.add("TUNEGATE_PROVIDERS_VERTEX_" + key.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
            }
        }
        return missing;
    }

    static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return missing(context.getEnvironment()).isEmpty();
        }
    }

    static final class NotConfigured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !missing(context.getEnvironment()).isEmpty();
        }
    }
}
