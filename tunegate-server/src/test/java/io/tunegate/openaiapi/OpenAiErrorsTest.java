package io.tunegate.openaiapi;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Problem+json to OpenAI's error body: type, param renaming, code, and whether SDKs may retry. */
class OpenAiErrorsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static OpenAiError.Body convert(int status, String problem) {
        return OpenAiErrors.fromProblem(status, JSON.readTree(problem)).error();
    }

    @Test
    void fieldErrorsNameTheOpenAiParamAndListEveryField() {
        OpenAiError.Body error = convert(400, """
                {"type": "https://tunegate.dev/problems/invalid-request", "status": 400, "detail": "2 fields are invalid",
                 "errors": [{"field": "fallback_providers[1]", "message": "unknown provider 'x'"},
                            {"field": "hyperparameters.epochs", "message": "must be a whole number"}]}""");
        assertThat(error.type()).isEqualTo("invalid_request_error");
        assertThat(error.param()).isEqualTo("metadata.tunegate_fallback_providers");
        assertThat(error.code()).isEqualTo("invalid_request");
        assertThat(error.message()).isEqualTo("metadata.tunegate_fallback_providers: unknown provider 'x'; "
                + "hyperparameters.n_epochs: must be a whole number");
    }

    @Test
    void pauseRefusalsKeepTheirMeaning() {
        OpenAiError.Body unsupported = convert(422, """
                {"type": "https://tunegate.dev/problems/operation-not-supported", "status": 422,
                 "detail": "mistral cannot pause jobs"}""");
        assertThat(unsupported.type()).isEqualTo("invalid_request_error");
        assertThat(unsupported.code()).isEqualTo("operation_not_supported");
        assertThat(unsupported.message()).isEqualTo("mistral cannot pause jobs");
        assertThat(unsupported.param()).isNull();

        OpenAiError.Body refused = convert(502, """
                {"type": "https://tunegate.dev/problems/provider-error", "status": 502, "detail": "openai said no"}""");
        assertThat(refused.type()).isEqualTo("server_error");
        assertThat(OpenAiErrors.retryable(502, refused.code())).isFalse();
        assertThat(OpenAiErrors.retryable(503, "provider_unavailable")).isTrue();
        assertThat(OpenAiErrors.retryable(409, "conflict")).isFalse();
        assertThat(OpenAiErrors.retryable(429, null)).isTrue();
    }

    @Test
    void aBadKeyIsOpenAisInvalidApiKeyAndABodyThatIsNotJsonStillAnswers() {
        assertThat(convert(401, """
                {"type": "https://tunegate.dev/problems/unauthenticated", "status": 401, "detail": "The API key is not valid."}"""))
                .isEqualTo(new OpenAiError.Body("The API key is not valid.", "invalid_request_error", null, "invalid_api_key"));
        assertThat(OpenAiErrors.fromProblem(500, null).error())
                .isEqualTo(new OpenAiError.Body("HTTP 500", "server_error", null, null));
        assertThat(convert(402, "{\"type\": \"https://tunegate.dev/problems/budget-exceeded\", \"detail\": \"over\"}").type())
                .isEqualTo("insufficient_quota");
    }
}
