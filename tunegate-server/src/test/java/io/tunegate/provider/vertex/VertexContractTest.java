package io.tunegate.provider.vertex;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.contract.ProviderContractTest;
import io.tunegate.provider.contract.ProviderStubs;
import io.tunegate.provider.resilience.ProviderPolicy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** The shared contract, with a real service-account token exchange against the stub's token endpoint. */
class VertexContractTest extends ProviderContractTest {

    private VertexTestAccount account;

    @Override
    protected ProviderAdapter adapter(String baseUrl, DatasetExports exports, ProviderPolicy policy) {
        return new VertexAdapter(settings(baseUrl, account.file.toString()), account.auth(), exports, policy,
                Clock.systemUTC());
    }

    static VertexSettings settings(String baseUrl, String credentialsFile) {
        return new VertexSettings(VertexStubs.PROJECT, VertexStubs.LOCATION, URI.create(baseUrl), "v1",
                java.nio.file.Path.of(credentialsFile), VertexStubs.BUCKET, URI.create(baseUrl), Duration.ofSeconds(30));
    }

    @Override
    protected ProviderStubs stubs() {
        account = new VertexTestAccount(wm);
        return new VertexStubs(account);
    }
}
