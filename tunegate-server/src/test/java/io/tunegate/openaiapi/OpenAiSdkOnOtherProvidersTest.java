package io.tunegate.openaiapi;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FilePurpose;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.JobCreateParams;
import com.openai.models.finetuning.jobs.checkpoints.CheckpointListParams;
import com.openai.models.finetuning.jobs.checkpoints.FineTuningJobCheckpoint;
import io.tunegate.provider.contract.ProviderStubs;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.mistral.MistralStubs;
import io.tunegate.security.Projects;
import io.tunegate.support.HandStartedGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * OpenAI SDK code trains on another provider: Mistral's real adapter against a WireMock stub of Mistral's
 * API, chosen by {@code metadata.tunegate_provider}, with the model named by Mistral's own id. The job reaches
 * the stub and ends succeeded with the stub's model id as {@code fine_tuned_model}.
 */
class OpenAiSdkOnOtherProvidersTest {

    private static final ProviderStubs MISTRAL = new MistralStubs();

    private static WireMockServer mistral;
    private static HandStartedGateway gateway;

    @BeforeAll
    static void start() {
        mistral = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        mistral.start();
        MISTRAL.stageAccepted(mistral);
        MISTRAL.nothingSubmitted(mistral);
        mistral.stubFor(MISTRAL.create().willReturn(MISTRAL.created(MISTRAL.providerJobId())));
        MISTRAL.job(mistral, MISTRAL.providerJobId(), ProviderStubs.Phase.SUCCEEDED);
        gateway = HandStartedGateway.start(
                "--tunegate.providers.mistral.api-key=test-mistral-key",
                "--tunegate.providers.mistral.base-url=http://127.0.0.1:" + mistral.port(),
                "--tunegate.providers.mistral.poll-interval=200ms");
    }

    @AfterAll
    static void stop() {
        gateway.close();
        mistral.stop();
    }

    @Test
    void aJobNamingMistralInItsMetadataTrainsThereAndEndsWithItsModel() {
        Projects projects = gateway.bean(Projects.class);
        String key = projects.issueKey(projects.create("sdk-" + UUID.randomUUID()), "sdk").key();
        OpenAIClient client = OpenAIOkHttpClient.builder().baseUrl("http://localhost:" + gateway.port() + "/openai/v1")
                .apiKey(key).maxRetries(0).build();

        String file = client.files().create(FileCreateParams.builder()
                .file(TranslatingExports.CHAT.getBytes(StandardCharsets.UTF_8)).purpose(FilePurpose.FINE_TUNE)
                .build()).id();
        FineTuningJob created = client.fineTuning().jobs().create(JobCreateParams.builder()
                .model(MISTRAL.providerModel())
                .trainingFile(file)
                .metadata(JobCreateParams.Metadata.builder()
                        .putAdditionalProperty("tunegate_provider", JsonValue.from("mistral"))
                        .putAdditionalProperty("team", JsonValue.from("search")).build())
                .build());
        assertThat(created.model()).isEqualTo(MISTRAL.providerModel());

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                client.fineTuning().jobs().retrieve(created.id()).status().equals(FineTuningJob.Status.SUCCEEDED));
        FineTuningJob done = client.fineTuning().jobs().retrieve(created.id());
        assertThat(done.fineTunedModel()).contains(MISTRAL.fineTunedModel());
        assertThat(done.trainedTokens()).contains(MISTRAL.trainedTokens());
        mistral.verify(postRequestedFor(urlPathEqualTo("/v1/fine_tuning/jobs"))
                .withRequestBody(matchingJsonPath("$.model", equalTo(MISTRAL.providerModel()))));

        // the final model is the one checkpoint, at the last step of Mistral's curve with its metrics
        List<FineTuningJobCheckpoint> checkpoints = client.fineTuning().jobs().checkpoints()
                .list(CheckpointListParams.builder().fineTuningJobId(done.id()).build()).data();
        assertThat(checkpoints).singleElement().satisfies(c -> {
            assertThat(c.fineTunedModelCheckpoint()).isEqualTo(MISTRAL.fineTunedModel());
            assertThat(c.stepNumber()).isEqualTo(100);
            assertThat(c.metrics().validLoss()).contains(0.819697);
        });
    }
}
