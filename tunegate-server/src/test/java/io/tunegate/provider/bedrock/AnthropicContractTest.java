package io.tunegate.provider.bedrock;

import io.tunegate.provider.contract.ProviderStubs;

/** The shared adapter contract for {@code anthropic}: Claude 3 Haiku on Bedrock, same adapter class. */
class AnthropicContractTest extends BedrockContractTest {

    @Override
    protected String id() {
        return "anthropic";
    }

    @Override
    protected ProviderStubs stubs() {
        return BedrockStubs.claude();
    }
}
