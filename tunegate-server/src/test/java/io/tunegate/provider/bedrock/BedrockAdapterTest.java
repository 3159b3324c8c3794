package io.tunegate.provider.bedrock;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.tunegate.dataset.DatasetExportException;
import io.tunegate.dataset.DatasetExports;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.FieldViolation;
import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.ProviderJobSnapshot;
import io.tunegate.provider.ProviderJobState;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.contract.ProviderStubs.Phase;
import io.tunegate.provider.contract.TranslatingExports;
import io.tunegate.provider.resilience.ProviderPolicy;
import io.tunegate.support.S3TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Bedrock specifics beyond the shared contract: signing, names, hyperparameters, options, statuses, staging. */
class BedrockAdapterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final UUID PROJECT = UUID.fromString("00000000-0000-0000-0000-0000000000bb");

    private WireMockServer wm;
    private final List<BedrockTesting.Built> built = new ArrayList<>();

    @BeforeEach
    void start() {
        wm = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1"));
        wm.start();
    }

    @AfterEach
    void stop() {
        wm.stop();
        built.forEach(BedrockTesting.Built::close);
    }

    private String baseUrl() {
        return "http://127.0.0.1:" + wm.port();
    }

    private BedrockAdapter adapter(String id, BedrockSettings settings, DatasetExports exports) {
        BedrockTesting.Built b = BedrockTesting.build(id, settings, exports, ProviderPolicy.defaults(), CLOCK);
        built.add(b);
        return b.adapter();
    }

    private BedrockAdapter bedrock() {
        return adapter("bedrock", BedrockTesting.settings(baseUrl()), new TranslatingExports());
    }

    private static SubmitRequest request(String model, Hyperparameters hp, Map<String, Object> options) {
        return new SubmitRequest(UUID.randomUUID().toString(), "My support bot", "base", model,
                "s3://tunegate-bedrock/staging/" + "0".repeat(64) + ".jsonl", null, hp, options);
    }

    // ------------------------------------------------------------------ signing

    @Test
    void signsWithSigV4AtTheClocksTimeIncludingTheSessionToken() {
        BedrockStubs stubs = BedrockStubs.nova();
        stubs.job(wm, stubs.providerJobId(), Phase.RUNNING);
        BedrockAdapter adapter = adapter("bedrock", BedrockTesting.settings(baseUrl(), "AKIDEXAMPLE",
                "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "session-token-1", null), new TranslatingExports());

        adapter.fetch(stubs.providerJobId(), null);

        LoggedRequest sent = wm.findAll(getRequestedFor(urlPathEqualTo(BedrockStubs.encodedPath(stubs.providerJobId()))))
                .getFirst();
        assertThat(sent.getUrl()).isEqualTo("/model-customization-jobs/arn%3Aaws%3Abedrock%3Aus-west-2%3A123456789012"
                + "%3Amodel-customization-job%2Famazon.nova-micro-v1%3A0%3A128k%2Fa1b2c3d4e5f6");
        assertThat(sent.getHeader("Authorization")).startsWith(
                "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261121/us-west-2/bedrock/aws4_request, SignedHeaders=");
        assertThat(sent.getHeader("X-Amz-Date")).isEqualTo("20261121T100000Z");
        assertThat(sent.getHeader("X-Amz-Security-Token")).isEqualTo("session-token-1");
        assertThat(SigV4Verifier.parse(sent.getHeader("Authorization")).signedHeaders())
                .contains("host", "x-amz-date", "x-amz-security-token");
        assertThat(SigV4Verifier.parse(sent.getHeader("Authorization")).signature())
                .isEqualTo(SigV4Verifier.expectedSignature(sent, "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"))
                .isNotEqualTo(SigV4Verifier.expectedSignature(sent, "another-secret"));
    }

    @Test
    void theSignatureCoversTheJsonBody() {
        wm.stubFor(BedrockStubs.nova().create().willReturn(BedrockStubs.nova().created(BedrockStubs.nova().providerJobId())));
        bedrock().submit(request("amazon.nova-micro-v1:0:128k", new Hyperparameters(2, null, null, null), Map.of()));

        LoggedRequest create = wm.findAll(postRequestedFor(urlPathEqualTo("/model-customization-jobs"))).getFirst();
        assertThat(create.getHeader("x-amz-content-sha256"))
                .isEqualTo(SigV4Verifier.hex(SigV4Verifier.sha256(create.getBody())));
        assertThat(SigV4Verifier.parse(create.getHeader("Authorization")).signature())
                .isEqualTo(SigV4Verifier.expectedSignature(create, S3TestServer.SECRET_KEY));
    }

    @Test
    void aBedrockApiKeyIsSentAsABearerTokenInsteadOfASignature() {
        BedrockStubs stubs = BedrockStubs.nova();
        stubs.job(wm, stubs.providerJobId(), Phase.RUNNING);
        BedrockAdapter adapter = adapter("bedrock", BedrockTesting.settings(baseUrl(), S3TestServer.ACCESS_KEY,
                S3TestServer.SECRET_KEY, null, "bedrock-api-key-1"), new TranslatingExports());

        adapter.fetch(stubs.providerJobId(), null);

        LoggedRequest sent = wm.findAll(anyRequestedFor(anyUrl())).getFirst();
        assertThat(sent.getHeader("Authorization")).isEqualTo("Bearer bedrock-api-key-1");
        assertThat(sent.containsHeader("X-Amz-Date")).isFalse();
    }

    // ------------------------------------------------------------------ create body

    @Test
    void createsWithNamesDerivedFromTheGatewayJobAndTheOutputUnderStaging() {
        SubmitRequest request = request("amazon.nova-micro-v1:0:128k", Hyperparameters.AUTO, Map.of());
        Map<String, Object> body = bedrock().createBody(request);

        assertThat(body.get("jobName")).isEqualTo("tunegate-" + request.idempotencyKey());
        assertThat(body.get("clientRequestToken")).isEqualTo(request.idempotencyKey());
        assertThat((String) body.get("customModelName")).isEqualTo("my-support-bot-" + request.idempotencyKey());
        assertThat(body.get("outputDataConfig")).isEqualTo(Map.of("s3Uri", "s3://tunegate-bedrock/staging/output"));
        assertThat(body).doesNotContainKeys("hyperParameters", "validationDataConfig", "jobTags", "vpcConfig");
    }

    @Test
    void validationDataGoesToTheValidators() {
        SubmitRequest base = request("amazon.nova-micro-v1:0:128k", Hyperparameters.AUTO, Map.of());
        SubmitRequest request = new SubmitRequest(base.idempotencyKey(), null, "nova-micro", base.providerModel(),
                base.trainingData(), "s3://tunegate-bedrock/staging/" + "1".repeat(64) + ".jsonl",
                Hyperparameters.AUTO, Map.of());

        Map<String, Object> body = bedrock().createBody(request);

        assertThat(body.get("validationDataConfig")).isEqualTo(Map.of("validators",
                List.of(Map.of("s3Uri", request.validationData()))));
        assertThat((String) body.get("customModelName")).startsWith("nova-micro-");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "anthropic.claude-3-haiku-20240307-v1:0:200k | 2 | 8 |         | 0.5 | {epochCount=2, batchSize=8, learningRateMultiplier=0.5}",
            "meta.llama3-1-8b-instruct-v1:0:128k         | 3 | 1 | 0.00005 |     | {epochCount=3, batchSize=1, learningRate=0.00005}",
            "amazon.nova-micro-v1:0:128k                 | 2 |   | 1e-5    |     | {epochCount=2, learningRate=0.00001}",
            "amazon.titan-text-express-v1:0:8k           | 1 | 4 | 0.0001  |     | {epochCount=1, batchSize=4, learningRate=0.0001}",
    })
    void hyperparametersAreStringsUnderTheFamilysNames(String model, Integer epochs, Integer batch, Double lr,
                                                       Double multiplier, String expected) {
        Map<String, Object> body = bedrock().createBody(request(model, new Hyperparameters(epochs, batch, lr, multiplier),
                Map.of()));

        assertThat(body.get("hyperParameters")).hasToString(expected);
        assertThat((Map<?, ?>) body.get("hyperParameters")).allSatisfy((k, v) -> assertThat(v).isInstanceOf(String.class));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "amazon.nova-micro-v1:0:128k                 | batch_size",
            "meta.llama3-1-8b-instruct-v1:0:128k         | learning_rate_multiplier",
            "anthropic.claude-3-haiku-20240307-v1:0:200k | learning_rate",
    })
    void aHyperparameterTheFamilyDoesNotTakeIsRefusedBeforeAnythingIsSent(String model, String field) {
        Hyperparameters hp = switch (field) {
            case "batch_size" -> new Hyperparameters(null, 8, null, null);
            case "learning_rate_multiplier" -> new Hyperparameters(null, null, null, 2.0);
            default -> new Hyperparameters(null, null, 0.0001, null);
        };

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> bedrock().submit(request(model, hp, Map.of())));

        assertThat(refused.code()).isEqualTo("unsupported_hyperparameter");
        assertThat(refused.getMessage()).contains(field).contains(model);
        assertThat(wm.getAllServeEvents()).isEmpty();
    }

    @Test
    void familyExtrasComeFromProviderOptions() {
        Map<String, Object> claude = bedrock().createBody(request("anthropic.claude-3-haiku-20240307-v1:0:200k",
                new Hyperparameters(2, null, null, null),
                Map.of("early_stopping_threshold", 0.01, "early_stopping_patience", 3)));
        Map<String, Object> nova = bedrock().createBody(request("amazon.nova-lite-v1:0:300k", Hyperparameters.AUTO,
                Map.of("learning_rate_warmup_steps", 20)));

        assertThat(claude.get("hyperParameters")).isEqualTo(Map.of("epochCount", "2",
                "earlyStoppingThreshold", "0.01", "earlyStoppingPatience", "3"));
        assertThat(nova.get("hyperParameters")).isEqualTo(Map.of("learningRateWarmupSteps", "20"));
        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> bedrock().createBody(request("amazon.nova-lite-v1:0:300k", Hyperparameters.AUTO,
                        Map.of("early_stopping_patience", 3))));
        assertThat(refused.code()).isEqualTo("unsupported_hyperparameter");
        assertThat(refused.getMessage()).contains("early_stopping_patience");
    }

    @Test
    void otherOptionsPassThrough() {
        Map<String, Object> body = bedrock().createBody(request("amazon.nova-micro-v1:0:128k", Hyperparameters.AUTO,
                Map.of("custom_model_name", "support-bot_v2", "custom_model_kms_key_id", "arn:aws:kms:us-west-2:1:key/k",
                        "job_tags", Map.of("team", "ml"),
                        "vpc_config", Map.of("subnet_ids", List.of("subnet-1"), "security_group_ids", List.of("sg-1")))));

        assertThat(body.get("customModelName")).isEqualTo("support-bot_v2");
        assertThat(body.get("customModelKmsKeyId")).isEqualTo("arn:aws:kms:us-west-2:1:key/k");
        assertThat(body.get("jobTags")).isEqualTo(List.of(Map.of("key", "team", "value", "ml")));
        assertThat(body.get("vpcConfig")).isEqualTo(Map.of("subnetIds", List.of("subnet-1"),
                "securityGroupIds", List.of("sg-1")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "lora_rank                  | 8          | provider_options.anthropic.lora_rank",
            "early_stopping_patience    | 2.5        | provider_options.anthropic.early_stopping_patience",
            "learning_rate_warmup_steps | many       | provider_options.anthropic.learning_rate_warmup_steps",
            "custom_model_name          | a--b       | provider_options.anthropic.custom_model_name",
            "job_tags                   | x          | provider_options.anthropic.job_tags",
    })
    void optionsAreCheckedAtRequestTime(String key, String raw, String field) {
        Object value = switch (raw) {
            case "8" -> 8;
            case "2.5" -> 2.5;
            default -> raw;
        };
        BedrockAdapter anthropic = adapter("anthropic", BedrockTesting.settings(baseUrl()), new TranslatingExports());

        ApiException invalid = catchThrowableOfType(ApiException.class,
                () -> anthropic.validateOptions(Map.of(key, value)));

        assertThat(invalid.violations()).extracting(FieldViolation::field).containsExactly(field);
    }

    @Test
    void namesStayWithinBedrocksRulesForAnyKey() {
        String odd = "job/with:odd chars_" + "x".repeat(80);
        String other = "job/with:odd chars_" + "x".repeat(80) + "y";

        assertThat(BedrockAdapter.jobName(odd)).hasSizeLessThanOrEqualTo(63)
                .matches("[a-zA-Z0-9](-*[a-zA-Z0-9+\\-.])*")
                .isNotEqualTo(BedrockAdapter.jobName(other));
        assertThat(BedrockAdapter.clientRequestToken(odd)).hasSizeBetween(1, 256)
                .matches("[a-zA-Z0-9]([-a-zA-Z0-9]{0,254}[a-zA-Z0-9])?")
                .isNotEqualTo(BedrockAdapter.clientRequestToken(other));
        assertThat(BedrockAdapter.customModelName("  Ünïcode -- name!! " + "z".repeat(70), odd))
                .hasSizeLessThanOrEqualTo(63).matches(BedrockOptions.CUSTOM_MODEL_NAME.pattern());
        assertThat(BedrockAdapter.customModelName(null, UUID.randomUUID().toString()))
                .startsWith("tunegate-").hasSize(45);
    }

    // ------------------------------------------------------------------ following the job

    @ParameterizedTest
    @CsvSource({"InProgress,RUNNING", "Completed,SUCCEEDED", "Failed,FAILED", "Stopping,RUNNING",
            "Stopped,CANCELLED", "Paused,RUNNING", "SomethingNew,RUNNING"})
    void mapsEveryStatusAndKeepsTheRawOne(String raw, ProviderJobState state) {
        String id = BedrockStubs.nova().providerJobId();
        wm.stubFor(BedrockStubs.nova().getJob(id).willReturn(BedrockStubs.json(200,
                "{\"jobArn\":\"" + id + "\",\"status\":\"" + raw + "\"}")));

        ProviderJobSnapshot snapshot = bedrock().fetch(id, null);

        assertThat(snapshot.state()).isEqualTo(state);
        assertThat(snapshot.rawStatus()).isEqualTo(raw);
        assertThat(snapshot.events()).extracting(ProviderJobSnapshot.Event::id).containsExactly("status:" + raw);
    }

    @Test
    void eventsFollowTheStageDetailsOncePerChange() {
        BedrockStubs stubs = BedrockStubs.nova();
        String id = stubs.providerJobId();
        BedrockAdapter adapter = bedrock();

        stubs.job(wm, id, Phase.QUEUED);
        ProviderJobSnapshot queued = adapter.fetch(id, null);
        stubs.job(wm, id, Phase.RUNNING);
        ProviderJobSnapshot running = adapter.fetch(id, queued.nextEventCursor());
        ProviderJobSnapshot again = adapter.fetch(id, running.nextEventCursor());
        stubs.job(wm, id, Phase.FAILED);
        ProviderJobSnapshot failed = adapter.fetch(id, again.nextEventCursor());

        assertThat(queued.events()).extracting(ProviderJobSnapshot.Event::id)
                .containsExactly("validation:InProgress", "status:InProgress");
        assertThat(queued.events().getFirst().createdAt()).isEqualTo(Instant.parse("2026-11-21T09:00:01Z"));
        assertThat(running.events()).extracting(ProviderJobSnapshot.Event::id)
                .containsExactly("validation:Completed", "data_processing:Completed", "training:InProgress");
        assertThat(running.events()).extracting(ProviderJobSnapshot.Event::message)
                .containsExactly("Validation completed", "Data processing completed", "Training in progress");
        assertThat(again.events()).isEmpty();
        assertThat(failed.events()).extracting(ProviderJobSnapshot.Event::id)
                .containsExactly("training:Failed", "status:Failed");
        assertThat(failed.events()).allSatisfy(e -> assertThat(e.level()).isEqualTo("error"));
        assertThat(failed.error().code()).isEqualTo("training_failed");
        assertThat(failed.error().message()).isEqualTo(stubs.failureMessage());
        Set<String> all = new HashSet<>();
        for (ProviderJobSnapshot s : List.of(queued, running, again, failed)) {
            s.events().forEach(e -> assertThat(all.add(e.id())).as("event %s reported twice", e.id()).isTrue());
        }
    }

    @Test
    void reportsTheLossesAsOnePointAndNoTrainedTokens() {
        BedrockStubs stubs = BedrockStubs.claude();
        stubs.job(wm, stubs.providerJobId(), Phase.SUCCEEDED);

        ProviderJobSnapshot done = bedrock().fetch(stubs.providerJobId(), null);

        assertThat(done.metrics()).singleElement().satisfies(m -> {
            assertThat(m.step()).isZero();
            assertThat(m.trainLoss()).isEqualTo(1.2345);
            assertThat(m.validLoss()).isEqualTo(1.5);
        });
        assertThat(done.trainedTokens()).isNull();
        assertThat(done.fineTunedModel()).isEqualTo(stubs.fineTunedModel());
        assertThat(done.events()).last().satisfies(e -> assertThat(e.message()).contains(stubs.fineTunedModel()));
    }

    // ------------------------------------------------------------------ errors

    @Test
    void refusalsCarryBedrocksErrorTypeAndMessage() {
        BedrockStubs stubs = BedrockStubs.nova();
        wm.stubFor(stubs.create().willReturn(stubs.error(400, "The provided role does not have access to s3://x")));

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> bedrock().submit(request(stubs.providerModel(), Hyperparameters.AUTO, Map.of())));

        assertThat(refused.code()).isEqualTo("ValidationException");
        assertThat(refused.getMessage()).isEqualTo("The provided role does not have access to s3://x");
    }

    @Test
    void throttlingIsTransientAndAJobArnlessAnswerToo() {
        BedrockStubs stubs = BedrockStubs.nova();
        wm.stubFor(stubs.create().willReturn(stubs.error(429, "Too many requests, please wait")));
        TransientProviderException throttled = catchThrowableOfType(TransientProviderException.class,
                () -> bedrock().submit(request(stubs.providerModel(), Hyperparameters.AUTO, Map.of())));
        assertThat(throttled.getMessage()).contains("ThrottlingException").contains("Too many requests");

        wm.resetAll();
        wm.stubFor(stubs.create().willReturn(BedrockStubs.json(201, "{}")));
        TransientProviderException noArn = catchThrowableOfType(TransientProviderException.class,
                () -> bedrock().submit(request(stubs.providerModel(), Hyperparameters.AUTO, Map.of())));
        assertThat(noArn.getMessage()).contains("without a jobArn");
    }

    @Test
    void findsASubmittedJobByItsNameWithItsState() {
        BedrockStubs stubs = BedrockStubs.nova();
        String key = UUID.randomUUID().toString();
        stubs.submitted(wm, key, stubs.providerJobId());

        assertThat(bedrock().findSubmitted(key)).hasValueSatisfying(job -> {
            assertThat(job.providerJobId()).isEqualTo(stubs.providerJobId());
            assertThat(job.state()).isEqualTo(ProviderJobState.RUNNING);
            assertThat(job.rawStatus()).isEqualTo("InProgress");
        });
        assertThat(wm.findAll(getRequestedFor(urlPathEqualTo("/model-customization-jobs/tunegate-" + key)))).hasSize(1);
    }

    // ------------------------------------------------------------------ staging

    private static StageRequest stage(String model, String dataset) {
        return new StageRequest(UUID.randomUUID(), PROJECT, dataset, model, StageRequest.Role.TRAINING);
    }

    @Test
    void stagesNovaDataInTheConverseFormatByContentHashAndOnlyOnce() {
        BedrockAdapter adapter = bedrock();
        S3TestServer s3 = S3TestServer.shared();

        String uri = adapter.stage(stage("amazon.nova-micro-v1:0:128k", "ds-1"));
        String key = uri.substring("s3://tunegate-bedrock/".length());
        String first = new String(s3.client().getObjectAsBytes(b -> b.bucket(BedrockTesting.BUCKET).key(key))
                .asByteArray(), StandardCharsets.UTF_8);
        // overwrite with other bytes of the same size: a second staging that uploaded again would restore them
        byte[] marker = "x".repeat(first.getBytes(StandardCharsets.UTF_8).length).getBytes(StandardCharsets.UTF_8);
        s3.put(BedrockTesting.BUCKET, key, marker);
        String again = adapter.stage(stage("amazon.nova-micro-v1:0:128k", "ds-1"));

        assertThat(uri).matches("s3://tunegate-bedrock/staging/[0-9a-f]{64}\\.jsonl");
        assertThat(key.substring("staging/".length(), key.length() - ".jsonl".length()))
                .isEqualTo(SigV4Verifier.hex(SigV4Verifier.sha256(first.getBytes(StandardCharsets.UTF_8))));
        assertThat(first.lines().findFirst().orElseThrow()).contains("\"schemaVersion\":\"bedrock-conversation-2024\"");
        assertThat(first.lines().count()).isEqualTo(10);
        assertThat(again).isEqualTo(uri);
        assertThat(s3.client().getObjectAsBytes(b -> b.bucket(BedrockTesting.BUCKET).key(key)).asByteArray())
                .isEqualTo(marker);
    }

    @Test
    void stagesClaudeDataInClaudesFormat() {
        BedrockAdapter anthropic = adapter("anthropic", BedrockTesting.settings(baseUrl()), new TranslatingExports());

        String uri = anthropic.stage(stage("anthropic.claude-3-haiku-20240307-v1:0:200k", "ds-2"));

        String key = uri.substring("s3://tunegate-bedrock/".length());
        JsonNode line = BedrockStubs.JSON.readTree(new String(S3TestServer.shared().client()
                .getObjectAsBytes(b -> b.bucket(BedrockTesting.BUCKET).key(key)).asByteArray(), StandardCharsets.UTF_8)
                .lines().findFirst().orElseThrow());
        assertThat(line.path("system").asString()).isEqualTo("You answer tersely.");
        assertThat(line.path("messages").get(0).path("role").asString()).isEqualTo("user");
    }

    @Test
    void dataTheFormatCannotExpressIsUnsupportedAndAnUnreadableExportTransient() {
        BedrockAdapter refusing = adapter("bedrock", BedrockTesting.settings(baseUrl()), (p, d, provider, model) -> {
            throw new DatasetExportException("no Bedrock training format is known for base model 'x'", false, null);
        });
        BedrockAdapter flaky = adapter("bedrock", BedrockTesting.settings(baseUrl()), (p, d, provider, model) -> {
            throw new DatasetExportException("storage read failed", true, null);
        });

        PermanentProviderException unsupported = catchThrowableOfType(PermanentProviderException.class,
                () -> refusing.stage(stage("x", "ds-3")));
        assertThat(unsupported.code()).isEqualTo("unsupported_data");
        assertThat(unsupported.getMessage()).contains("no Bedrock training format");
        assertThat(catchThrowableOfType(TransientProviderException.class, () -> flaky.stage(stage("x", "ds-3"))))
                .hasMessageContaining("storage read failed");
    }

    @Test
    void aMissingStagingBucketIsAPermanentRefusalNamingIt() {
        BedrockSettings base = BedrockTesting.settings(baseUrl());
        BedrockSettings noBucket = new BedrockSettings(base.region(), base.endpoint(), base.roleArn(),
                "s3://no-such-bucket-here/staging", null, base.accessKeyId(), base.secretAccessKey(), null, null,
                base.s3Endpoint(), true, base.pollInterval(), base.connectTimeout());
        BedrockAdapter adapter = adapter("bedrock", noBucket, new TranslatingExports());

        PermanentProviderException refused = catchThrowableOfType(PermanentProviderException.class,
                () -> adapter.stage(stage("amazon.nova-micro-v1:0:128k", "ds-4")));

        assertThat(refused.code()).isEqualTo("NoSuchBucket");
        assertThat(refused.getMessage()).contains("s3://no-such-bucket-here/staging/");
    }
}
