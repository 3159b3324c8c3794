package io.tunegate.provider.openai;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.contract.ProviderContractTest;
import io.tunegate.provider.contract.ProviderStubs;
import io.tunegate.provider.resilience.ProviderPolicy;

import java.time.Clock;
import java.time.Duration;

class OpenAiContractTest extends ProviderContractTest {

    @Override
    protected ProviderAdapter adapter(String baseUrl, DatasetExports exports, ProviderPolicy policy) {
        return new OpenAiAdapter(settings(baseUrl + "/v1"), exports, policy, Clock.systemUTC());
    }

    static OpenAiSettings settings(String baseUrl) {
        return new OpenAiSettings(baseUrl, OpenAiStubs.API_KEY, null, null, null, Duration.ofSeconds(30),
                Duration.ofSeconds(2));
    }

    @Override
    protected ProviderStubs stubs() {
        return new OpenAiStubs();
    }
}
