package io.tunegate.provider.together;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.contract.ProviderContractTest;
import io.tunegate.provider.contract.ProviderStubs;
import io.tunegate.provider.resilience.ProviderPolicy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

class TogetherContractTest extends ProviderContractTest {

    @Override
    protected ProviderAdapter adapter(String baseUrl, DatasetExports exports, ProviderPolicy policy) {
        return new TogetherAdapter(settings(baseUrl), policy, exports, Clock.systemUTC());
    }

    static TogetherSettings settings(String baseUrl) {
        return new TogetherSettings(URI.create(baseUrl + "/v1"), TogetherStubs.API_KEY, Duration.ofSeconds(2),
                Duration.ofSeconds(30));
    }

    @Override
    protected ProviderStubs stubs() {
        return new TogetherStubs();
    }
}
