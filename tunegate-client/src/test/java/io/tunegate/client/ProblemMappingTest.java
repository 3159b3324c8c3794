package io.tunegate.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProblemMappingTest {

    private static final String BASE = "https://tunegate.dev/problems/";

    private static TunegateApiException exception(int status, String body) {
        return Problems.exception(Json.problem(status, body));
    }

    @ParameterizedTest
    @CsvSource({
            "invalid-request, 400, InvalidRequestException",
            "malformed-json, 400, InvalidRequestException",
            "unauthenticated, 401, AuthenticationException",
            "budget-exceeded, 402, BudgetExceededException",
            "not-found, 404, NotFoundException",
            "conflict, 409, ConflictException",
            "payload-too-large, 413, PayloadTooLargeException",
            "no-provider, 422, NoProviderException",
            "idempotency-key-reused, 422, IdempotencyKeyReusedException",
            "internal, 500, ServerException",
            "method-not-allowed, 405, TunegateApiException",
    })
    void eachProblemTypeHasItsException(String slug, int status, String exception) {
        TunegateApiException thrown = exception(status,
                "{\"type\":\"" + BASE + slug + "\",\"title\":\"t\",\"status\":" + status + ",\"detail\":\"d\"}");

        assertThat(thrown.getClass().getSimpleName()).isEqualTo(exception);
        assertThat(thrown.status()).isEqualTo(status);
        assertThat(thrown.problem().slug()).isEqualTo(slug);
    }

    @ParameterizedTest
    @CsvSource({"400, InvalidRequestException", "401, AuthenticationException", "402, BudgetExceededException",
            "404, NotFoundException", "409, ConflictException", "422, UnprocessableException",
            "502, ServerException", "418, TunegateApiException"})
    void anAnswerWithoutAKnownTypeIsMappedByStatus(int status, String exception) {
        assertThat(exception(status, "<html>Bad gateway</html>").getClass().getSimpleName()).isEqualTo(exception);
    }

    @Test
    void fieldErrorsAndExtensionsAreKept() {
        TunegateApiException thrown = exception(400, """
                {"type":"https://tunegate.dev/problems/invalid-request","title":"The request is not valid",
                 "status":400,"detail":"2 fields are wrong","instance":"/v1/jobs",
                 "errors":[{"field":"job_name","message":"is required"},
                           {"field":"hyperparameters.n_epochs","message":"must be from 1 to 50"}],
                 "request_id":"r-1"}""");

        Problem problem = thrown.problem();
        assertThat(problem.errors()).containsExactly(new Problem.FieldError("job_name", "is required"),
                new Problem.FieldError("hyperparameters.n_epochs", "must be from 1 to 50"));
        assertThat(problem.instance()).isEqualTo("/v1/jobs");
        assertThat(problem.extensions()).containsExactly(java.util.Map.entry("request_id", "r-1"));
        assertThat(thrown).hasMessage("400 invalid-request: 2 fields are wrong\n  job_name: is required\n"
                + "  hyperparameters.n_epochs: must be from 1 to 50");
    }

    @Test
    void aBudgetRefusalGivesItsNumbersExactly() {
        var thrown = (BudgetExceededException) exception(402, """
                {"type":"https://tunegate.dev/problems/budget-exceeded","status":402,"detail":"over",
                 "estimated_cost_usd":5.529600,"budget_limit_usd":1.00}""");

        assertThat(thrown.estimatedCostUsd()).contains(new BigDecimal("5.529600"));
        assertThat(thrown.budgetLimitUsd()).contains(new BigDecimal("1.00"));
        assertThat(thrown.budgetRemainingUsd()).isEmpty();
    }

    @Test
    void aNoProviderRefusalListsTheAlternatives() {
        var thrown = (NoProviderException) exception(422, """
                {"type":"https://tunegate.dev/problems/no-provider","status":422,"detail":"closed",
                 "alternatives":["sandbox","together"]}""");

        assertThat(thrown.alternatives()).isEqualTo(List.of("sandbox", "together"));
    }

    @Test
    void aBodyThatIsNotAProblemBecomesTheDetail() {
        TunegateApiException thrown = exception(503, "upstream connect error");

        assertThat(thrown).isInstanceOf(ServerException.class).hasMessage("503: upstream connect error");
        assertThat(thrown.problem().type()).isNull();
        assertThat(exception(502, "").getMessage()).isEqualTo("502: HTTP 502");
    }
}
