package io.tunegate.provider.bedrock;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.ProviderOff;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.resilience.ProviderPolicies;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** One settings block, two adapters (bedrock, anthropic), both off with a reason until it is complete. */
class BedrockConfigurationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({BedrockSettings.class, ProviderPolicies.class})
    static class Settings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Settings.class, BedrockConfiguration.class)
            .withBean(DatasetExports.class, TranslatingExports::new)
            .withBean(Clock.class, Clock::systemUTC);

    @Test
    void offForBothIdsNamingEverySettingMissing() {
        runner.run(context -> {
            assertThat(context).doesNotHaveBean(ProviderAdapter.class);
            assertThat(context.getBeansOfType(ProviderOff.class).values())
                    .extracting(ProviderOff::id).containsExactlyInAnyOrder("bedrock", "anthropic");
            assertThat(context.getBeansOfType(ProviderOff.class).values()).allSatisfy(off -> assertThat(off.reason())
                    .contains("TUNEGATE_PROVIDERS_BEDROCK_REGION", "TUNEGATE_PROVIDERS_BEDROCK_ROLE_ARN",
                            "TUNEGATE_PROVIDERS_BEDROCK_STAGING_URI"));
        });
    }

    @Test
    void offNamingOnlyWhatIsMissingOrMalformed() {
        runner.withPropertyValues("tunegate.providers.bedrock.region=us-west-2",
                "tunegate.providers.bedrock.role-arn=arn:aws:iam::1:role/r").run(context ->
                assertThat(context.getBean("bedrockOff", ProviderOff.class).reason())
                        .isEqualTo("not configured (set TUNEGATE_PROVIDERS_BEDROCK_STAGING_URI)"));
        runner.withPropertyValues("tunegate.providers.bedrock.region=us-west-2",
                "tunegate.providers.bedrock.role-arn=arn:aws:iam::1:role/r",
                "tunegate.providers.bedrock.staging-uri=https://example.com/data").run(context ->
                assertThat(context.getBean("anthropicOff", ProviderOff.class).reason())
                        .contains("is not an s3://bucket/prefix URI"));
    }

    @Test
    void onAsTwoAdaptersWhenComplete() {
        runner.withPropertyValues("tunegate.providers.bedrock.region=us-west-2",
                "tunegate.providers.bedrock.role-arn=arn:aws:iam::1:role/r",
                "tunegate.providers.bedrock.staging-uri=s3://bucket/tunegate",
                "tunegate.providers.bedrock.access-key-id=AKIDEXAMPLE",
                "tunegate.providers.bedrock.secret-access-key=very-secret").run(context -> {
            assertThat(context).doesNotHaveBean(ProviderOff.class);
            assertThat(context.getBeansOfType(ProviderAdapter.class).values()).extracting(ProviderAdapter::id)
                    .containsExactlyInAnyOrder("bedrock", "anthropic");
            BedrockSettings settings = context.getBean(BedrockSettings.class);
            assertThat(settings.controlPlane()).hasToString("https://bedrock.us-west-2.amazonaws.com");
            assertThat(settings.output()).hasToString("s3://bucket/tunegate/output");
            assertThat(settings.toString()).doesNotContain("AKIDEXAMPLE").doesNotContain("very-secret");
        });
    }
}
