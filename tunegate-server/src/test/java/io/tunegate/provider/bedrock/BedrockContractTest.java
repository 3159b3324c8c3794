package io.tunegate.provider.bedrock;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.ProviderAdapter;
import io.tunegate.provider.contract.ProviderContractTest;
import io.tunegate.provider.contract.ProviderStubs;
import io.tunegate.provider.resilience.ProviderPolicy;
import org.junit.jupiter.api.AfterEach;

import java.time.Clock;

/** The shared adapter contract for {@code bedrock} (Nova Micro), SigV4-signed, staging into the S3 test server. */
class BedrockContractTest extends ProviderContractTest {

    private BedrockTesting.Built built;

    protected String id() {
        return "bedrock";
    }

    @Override
    protected ProviderStubs stubs() {
        return BedrockStubs.nova();
    }

    @Override
    protected ProviderAdapter adapter(String baseUrl, DatasetExports exports, ProviderPolicy policy) {
        built = BedrockTesting.build(id(), BedrockTesting.settings(baseUrl), exports, policy, Clock.systemUTC());
        return built.adapter();
    }

    @AfterEach
    void closeClients() {
        built.close();
    }
}
