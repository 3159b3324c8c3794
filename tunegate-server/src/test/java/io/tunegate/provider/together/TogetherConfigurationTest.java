package io.tunegate.provider.together;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderOff;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.resilience.ProviderPolicies;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class TogetherConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({TogetherSettings.class, ProviderPolicies.class})
    static class Infrastructure {

        @Bean
        DatasetExports exports() {
            return new TranslatingExports();
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Infrastructure.class, TogetherConfiguration.class);

    @Test
    void withoutAKeyTheProviderIsOffAndSaysWhichVariableToSet() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ProviderAdapter.class);
            assertThat(context.getBean(ProviderOff.class)).isEqualTo(new ProviderOff("together",
                    "no API key (set TUNEGATE_PROVIDERS_TOGETHER_API_KEY)"));
        });
    }

    @Test
    void withAKeyTheAdapterIsOnAndItsSettingsHideTheKey() {
        runner.withPropertyValues("tunegate.providers.together.api-key=secret-key",
                "tunegate.providers.together.request-timeout=5s").run(context -> {
            assertThat(context.getBean(ProviderAdapter.class).id()).isEqualTo("together");
            assertThat(context).doesNotHaveBean(ProviderOff.class);
            TogetherSettings settings = context.getBean(TogetherSettings.class);
            assertThat(settings.baseUrl()).hasToString("https://api.together.xyz/v1");
            assertThat(settings.toString()).doesNotContain("secret-key");
        });
    }
}
