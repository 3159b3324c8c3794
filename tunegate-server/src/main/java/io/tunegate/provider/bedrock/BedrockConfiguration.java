package io.tunegate.provider.bedrock;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderOff;
import io.tunegate.provider.http.ProviderHttp;
import io.tunegate.provider.http.RequestAuth;
import io.tunegate.provider.resilience.ProviderPolicies;
import io.tunegate.provider.resilience.ProviderPolicy;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

/**
 * Two adapters from one settings block: {@code bedrock} (Nova, Llama, Titan) and {@code anthropic} (Claude on
 * Bedrock). Both are off, saying what is missing, unless region, role-arn and staging-uri are set.
 */
@Configuration(proxyBeanMethods = false)
class BedrockConfiguration {

    static final String BEDROCK = "bedrock";
    static final String ANTHROPIC = "anthropic";

    @Configuration(proxyBeanMethods = false)
    @Conditional(BedrockConfigured.class)
    static class On {

        @Bean(destroyMethod = "close")
        BedrockAws bedrockAws(BedrockSettings settings, ProviderPolicies policies) {
            LoggerFactory.getLogger(BedrockAdapter.class).info("Bedrock adapters on: {}", settings);
            return new BedrockAws(settings, policies.of(BEDROCK).uploadTimeout());
        }

        @Bean
        BedrockAdapter bedrockAdapter(BedrockSettings settings, BedrockAws aws, ProviderPolicies policies,
                                      DatasetExports exports, Clock clock) {
            return adapter(BEDROCK, settings, aws, policies.of(BEDROCK), exports, clock);
        }

        @Bean
        BedrockAdapter anthropicAdapter(BedrockSettings settings, BedrockAws aws, ProviderPolicies policies,
                                        DatasetExports exports, Clock clock) {
            return adapter(ANTHROPIC, settings, aws, policies.of(ANTHROPIC), exports, clock);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(BedrockConfigured.Not.class)
    static class Off {

        @Bean
        ProviderOff bedrockOff(BedrockSettings settings) {
            return new ProviderOff(BEDROCK, settings.whyOff().orElse("off"));
        }

        @Bean
        ProviderOff anthropicOff(BedrockSettings settings) {
            return new ProviderOff(ANTHROPIC, "Claude on Bedrock: " + settings.whyOff().orElse("off"));
        }
    }

    static BedrockAdapter adapter(String id, BedrockSettings settings, BedrockAws aws, ProviderPolicy policy,
                                  DatasetExports exports, Clock clock) {
        RequestAuth auth = BedrockSettings.isBlank(settings.apiKey())
                ? new SigV4Auth(id, aws.credentials(), settings.region().strip(), clock)
                : RequestAuth.bearer(settings.apiKey().strip());
        ProviderHttp http = new ProviderHttp(id, ProviderHttp.client(settings.connectTimeout()), auth,
                policy.requestTimeout(), clock);
        return new BedrockAdapter(id, settings, new BedrockApi(http, settings.controlPlane(), policy.requestTimeout()),
                aws.staging(), exports);
    }
}
