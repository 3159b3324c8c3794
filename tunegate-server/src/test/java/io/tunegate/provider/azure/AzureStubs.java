package io.tunegate.provider.azure;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import io.tunegate.provider.SubmitRequest;
import io.tunegate.provider.openai.OpenAiStubs;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * Azure OpenAI's GA authoring API (2024-10-21) as stubs: paths under {@code /openai} with {@code api-version}
 * required on every call, the {@code api-key} header, 201 for created files and jobs, files that are
 * {@code pending} when uploaded and {@code processed} when read back, GA statuses ({@code pending}), no
 * metadata (jobs carry their {@code suffix}), and {@code {"error": {"code", "message"}}} errors.
 */
public class AzureStubs extends OpenAiStubs {

    public static final String AZURE_KEY = "azure-test-key";
    public static final String API_VERSION = "2024-10-21";

    @Override
    protected String prefix() {
        return "/openai";
    }

    @Override
    protected int createdStatus() {
        return 201;
    }

    @Override
    protected MappingBuilder on(MappingBuilder mapping) {
        return mapping.withQueryParam("api-version", equalTo(API_VERSION)).withHeader("api-key", equalTo(AZURE_KEY));
    }

    @Override
    protected RequestPatternBuilder on(RequestPatternBuilder pattern) {
        return pattern.withQueryParam("api-version", equalTo(API_VERSION)).withHeader("api-key", equalTo(AZURE_KEY));
    }

    @Override
    public void stageAccepted(WireMockServer wm) {
        wm.stubFor(on(post(urlPathEqualTo("/openai/files"))).willReturn(json(201, file("pending"))
                .withHeader("Location", "/openai/files/file-abc123")));
        wm.stubFor(on(get(urlPathEqualTo("/openai/files/file-abc123"))).willReturn(json(200, file("processed"))));
    }

    @Override
    protected String status(Phase phase) {
        return phase == Phase.QUEUED ? "pending" : super.status(phase);
    }

    @Override
    public ResponseDefinitionBuilder created(String providerJobId) {
        return json(201, job(providerJobId, "pending", null, null, null, "\"suffix\": null"))
                .withHeader("Location", "/openai/fine_tuning/jobs/" + providerJobId);
    }

    @Override
    public void submitted(WireMockServer wm, String key, String providerJobId) {
        // no metadata filter on Azure: the list holds other jobs too, and the adapter matches the suffix
        wm.stubFor(on(get(urlPathEqualTo("/openai/fine_tuning/jobs"))).willReturn(json(200,
                "{\"object\": \"list\", \"has_more\": false, \"data\": ["
                        + job("ftjob-other", "succeeded", "gpt-4o-mini-2024-07-18.ft-other-someone", 10L, null,
                        "\"suffix\": \"someone-else\"") + ", "
                        + job(providerJobId, "running", null, null, null, "\"suffix\": \"" + key + "\"") + "]}")));
    }

    @Override
    public ResponseDefinitionBuilder error(int status, String message) {
        String code = status == 429 ? "tooManyRequests" : status >= 500 ? "internalFailure" : "invalidPayload";
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\": {\"code\": \"%s\", \"message\": \"%s\"}}".formatted(code, message));
    }

    @Override
    protected String createBody(SubmitRequest request) {
        return """
                {"model": "%s", "training_file": "file-abc123", "hyperparameters": {"n_epochs": 3},
                 "suffix": "%s"}""".formatted(request.providerModel(), request.idempotencyKey());
    }
}
