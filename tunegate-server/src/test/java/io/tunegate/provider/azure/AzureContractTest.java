package io.tunegate.provider.azure;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.contract.ProviderContractTest;
import io.tunegate.provider.contract.ProviderStubs;
import io.tunegate.provider.resilience.ProviderPolicy;

import java.time.Clock;
import java.time.Duration;

class AzureContractTest extends ProviderContractTest {

    @Override
    protected ProviderAdapter adapter(String baseUrl, DatasetExports exports, ProviderPolicy policy) {
        return new AzureOpenAiAdapter(settings(baseUrl + "/openai"), exports, policy, Clock.systemUTC());
    }

    static AzureSettings settings(String endpoint) {
        return new AzureSettings(endpoint, AzureStubs.AZURE_KEY, AzureStubs.API_VERSION, Duration.ofSeconds(30),
                Duration.ofMillis(10), Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    @Override
    protected ProviderStubs stubs() {
        return new AzureStubs();
    }
}
