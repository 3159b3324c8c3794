package io.tunegate.provider.fireworks;

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
import org.springframework.util.unit.DataSize;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

class FireworksConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({FireworksSettings.class, ProviderPolicies.class})
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
            .withUserConfiguration(Infrastructure.class, FireworksConfiguration.class);

    @Test
    void withoutAKeyTheProviderIsOff() {
        runner.withPropertyValues("tunegate.providers.fireworks.account-id=acme").run(context -> {
            assertThat(context).doesNotHaveBean(ProviderAdapter.class);
            assertThat(context.getBean(ProviderOff.class).reason())
                    .isEqualTo("no API key (set TUNEGATE_PROVIDERS_FIREWORKS_API_KEY)");
        });
    }

    @Test
    void withoutAnAccountTheProviderIsOff() {
        runner.withPropertyValues("tunegate.providers.fireworks.api-key=k").run(context -> {
            assertThat(context).doesNotHaveBean(ProviderAdapter.class);
            assertThat(context.getBean(ProviderOff.class).reason())
                    .isEqualTo("no account id (set TUNEGATE_PROVIDERS_FIREWORKS_ACCOUNT_ID)");
        });
    }

    @Test
    void withBothTheAdapterIsOn() {
        runner.withPropertyValues("tunegate.providers.fireworks.api-key=secret-key",
                "tunegate.providers.fireworks.account-id=acme",
                "tunegate.providers.fireworks.direct-upload-max=1MB",
                "tunegate.providers.fireworks.max-concurrent-jobs=3").run(context -> {
            assertThat(context.getBean(ProviderAdapter.class).id()).isEqualTo("fireworks");
            assertThat(context).doesNotHaveBean(ProviderOff.class);
            FireworksSettings settings = context.getBean(FireworksSettings.class);
            assertThat(settings.baseUrl()).hasToString("https://api.fireworks.ai");
            assertThat(settings.directUploadMax()).isEqualTo(DataSize.ofMegabytes(1));
            assertThat(settings.toString()).doesNotContain("secret-key");
        });
    }
}
