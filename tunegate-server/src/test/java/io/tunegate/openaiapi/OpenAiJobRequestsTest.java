package io.tunegate.openaiapi;

import io.tunegate.job.JobRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** OpenAI's job body as a job request: what only OpenAI understands reaches it as its provider options. */
class OpenAiJobRequestsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void suffixSeedAndIntegrationsReachOpenAiAsItsOptionsAndTheTunegateKeysLeaveTheMetadata() {
        JobRequest request = OpenAiJobRequests.toJobRequest(JSON.readTree("""
                {"model": "gpt-4o-mini-2024-07-18", "training_file": "ds-01a20094-7b83-7668-a645-c6c02c47cecc",
                 "suffix": "support", "seed": 42,
                 "integrations": [{"type": "wandb", "wandb": {"project": "p", "tags": ["a", "b"]}}],
                 "metadata": {"team": "search", "tunegate_provider": "openai",
                              "tunegate_fallback_providers": "together, fireworks", "tunegate_budget_limit": "12.50"}}"""));
        assertThat(request.providerOptions()).isEqualTo(Map.of("openai", Map.of("suffix", "support", "seed", 42L,
                "integrations", List.of(Map.of("type", "wandb", "wandb", Map.of("project", "p",
                        "tags", List.of("a", "b")))))));
        assertThat(request.provider()).isEqualTo("openai");
        assertThat(request.fallbackProviders()).containsExactly("together", "fireworks");
        assertThat(request.budgetLimit()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(request.metadata()).isEqualTo(Map.of("team", "search"));
        assertThat(request.jobName()).isEqualTo("support");
    }

    @Test
    void withoutOpenAiAmongTheProvidersItsOptionsAreDropped() {
        JobRequest request = OpenAiJobRequests.toJobRequest(JSON.readTree("""
                {"model": "gpt-4o-mini", "training_file": "ds-01a20094-7b83-7668-a645-c6c02c47cecc",
                 "suffix": "support", "seed": 42, "integrations": [{"type": "wandb", "wandb": {"project": "p"}}],
                 "metadata": {"tunegate_provider": "together"}}"""));
        assertThat(request.providerOptions()).isNull();
        assertThat(request.provider()).isEqualTo("together");
    }
}
