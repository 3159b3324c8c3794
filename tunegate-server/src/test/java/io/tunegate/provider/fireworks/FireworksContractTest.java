package io.tunegate.provider.fireworks;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.contract.ProviderContractTest;
import io.tunegate.provider.contract.ProviderStubs;
import io.tunegate.provider.resilience.ProviderPolicy;
import org.springframework.util.unit.DataSize;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

class FireworksContractTest extends ProviderContractTest {

    @Override
    protected ProviderAdapter adapter(String baseUrl, DatasetExports exports, ProviderPolicy policy) {
        return new FireworksAdapter(settings(baseUrl, DataSize.ofMegabytes(150)), policy, exports, Clock.systemUTC());
    }

    static FireworksSettings settings(String baseUrl, DataSize directUploadMax) {
        return new FireworksSettings(URI.create(baseUrl), FireworksStubs.API_KEY, FireworksStubs.ACCOUNT,
                directUploadMax, Duration.ofSeconds(2), Duration.ofSeconds(30));
    }

    @Override
    protected ProviderStubs stubs() {
        return new FireworksStubs();
    }
}
