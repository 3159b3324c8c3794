package io.tunegate.provider.mistral;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.contract.ProviderContractTest;
import io.tunegate.provider.contract.ProviderStubs;
import io.tunegate.provider.resilience.ProviderPolicy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

class MistralContractTest extends ProviderContractTest {

    @Override
    protected ProviderAdapter adapter(String baseUrl, DatasetExports exports, ProviderPolicy policy) {
        return new MistralAdapter(new MistralSettings(URI.create(baseUrl), MistralStubs.API_KEY, null,
                Duration.ofSeconds(30)), exports, policy, Clock.systemUTC());
    }

    @Override
    protected ProviderStubs stubs() {
        return new MistralStubs();
    }
}
