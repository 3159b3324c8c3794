package io.tunegate.provider.http;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Retry hints and error bodies as the seven providers send them (shapes from provider-apis.md). */
class ProviderHttpErrorsTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:00:00Z"), ZoneOffset.UTC);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static HttpHeaders headers(Map<String, String> values) {
        return HttpHeaders.of(values.entrySet().stream().collect(java.util.stream.Collectors.toMap(
                Map.Entry::getKey, e -> List.of(e.getValue()))), (a, b) -> true);
    }

    @Test
    void retryAfterMsWinsOverRetryAfter() {
        assertThat(RetryHints.retryAfter(headers(Map.of("retry-after-ms", "1500", "retry-after", "9")), CLOCK))
                .contains(Duration.ofMillis(1500));
    }

    @Test
    void retryAfterInSecondsOrAsAnHttpDate() {
        assertThat(RetryHints.retryAfter(headers(Map.of("retry-after", "20")), CLOCK)).contains(Duration.ofSeconds(20));
        assertThat(RetryHints.retryAfter(headers(Map.of("retry-after", "Sat, 21 Nov 2026 10:00:30 GMT")), CLOCK))
                .contains(Duration.ofSeconds(30));
        assertThat(RetryHints.retryAfter(headers(Map.of("retry-after", "soon")), CLOCK)).isEmpty();
        assertThat(RetryHints.retryAfter(headers(Map.of("retry-after", "-3")), CLOCK)).isEmpty();
        // absurd hints are capped rather than honoured for days
        assertThat(RetryHints.retryAfter(headers(Map.of("retry-after", "999999")), CLOCK)).contains(Duration.ofHours(1));
    }

    @Test
    void shouldRetryIsReadOnlyWhenItSaysTrueOrFalse() {
        assertThat(RetryHints.shouldRetry(headers(Map.of("x-should-retry", "true")))).contains(true);
        assertThat(RetryHints.shouldRetry(headers(Map.of("x-should-retry", "false")))).contains(false);
        assertThat(RetryHints.shouldRetry(headers(Map.of("x-should-retry", "maybe")))).isEmpty();
        assertThat(RetryHints.shouldRetry(headers(Map.of()))).isEmpty();
    }

    private static ErrorBodies.Described describe(int status, String body, Map<String, String> headers) {
        JsonNode node = JSON.readTree(body);
        return ErrorBodies.describe(status, node, body, headers(headers));
    }

    @Test
    void openAiAzureAndTogetherErrorObjects() {
        assertThat(describe(429, """
                {"error":{"message":"Rate limit reached","type":"requests","param":null,"code":"rate_limit_exceeded"}}""",
                Map.of())).isEqualTo(new ErrorBodies.Described("rate_limit_exceeded", "Rate limit reached"));
        assertThat(describe(400, """
                {"error":{"code":"invalidPayload","message":"The file is not valid JSONL"}}""", Map.of()))
                .isEqualTo(new ErrorBodies.Described("invalidPayload", "The file is not valid JSONL"));
    }

    @Test
    void googleErrorEnvelopeUsesTheCanonicalCodeName() {
        // Google's numeric code is the HTTP status: the code worth keeping is the name in "status"
        assertThat(describe(429, """
                {"error":{"code":429,"message":"Resource exhausted","status":"RESOURCE_EXHAUSTED"}}""", Map.of()))
                .isEqualTo(new ErrorBodies.Described("RESOURCE_EXHAUSTED", "Resource exhausted"));
    }

    @Test
    void bedrockTakesTheTypeFromItsHeader() {
        assertThat(describe(400, """
                {"message":"1 validation error detected"}""",
                Map.of("x-amzn-ErrorType", "ValidationException:http://internal.amazon.com/coral/")))
                .isEqualTo(new ErrorBodies.Described("ValidationException", "1 validation error detected"));
    }

    @Test
    void mistralValidationDetailsAndRateLimits() {
        assertThat(describe(422, """
                {"detail":[{"type":"value_error","loc":["body","hyperparameters","epochs"],"msg":"must be positive"}]}""",
                Map.of()).message()).isEqualTo("body.hyperparameters.epochs: must be positive");
        assertThat(describe(429, """
                {"object":"error","message":"Rate limit exceeded","type":"rate_limited","param":null,"code":"1300"}""",
                Map.of())).isEqualTo(new ErrorBodies.Described("1300", "Rate limit exceeded"));
    }

    @Test
    void fireworksGrpcGatewayAndInferenceShapes() {
        assertThat(describe(400, """
                {"code":3,"message":"invalid baseModel","details":[]}""", Map.of()))
                .isEqualTo(new ErrorBodies.Described("3", "invalid baseModel"));
        assertThat(describe(429, """
                {"error":"Too Many Requests","message":"You have exceeded your usage limits"}""", Map.of()))
                .isEqualTo(new ErrorBodies.Described("Too Many Requests", "You have exceeded your usage limits"));
    }

    @Test
    void anythingElseKeepsTheRawTextOrTheStatus() {
        assertThat(ErrorBodies.describe(502, null, "<html>Bad gateway</html>", headers(Map.of())))
                .isEqualTo(new ErrorBodies.Described("http_502", "<html>Bad gateway</html>"));
        assertThat(ErrorBodies.describe(503, null, "", headers(Map.of())))
                .isEqualTo(new ErrorBodies.Described("http_503", "HTTP 503"));
    }
}
