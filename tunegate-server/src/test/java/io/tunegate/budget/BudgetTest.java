package io.tunegate.budget;

import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Budgets, reservations, settlement and spend, over HTTP on the real database. */
class BudgetTest extends GatewayIntegrationTest {

    /** A sandbox job that stays running long enough to hold its reservation. */
    private static final String LONG = "{\"duration_seconds\": 300}";

    private BigDecimal estimate() {
        return api.post("/v1/estimates", Jobs.request("probe")).json().get("providers").get(0).get("total_usd").decimalValue();
    }

    private TestApi.Response createBudget(String body) {
        return api.post("/v1/budgets", body);
    }

    private TestApi.Response patch(String path, String body) {
        return api.send(api.request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    @Test
    void fiftyParallelSubmissionsAgainstABudgetForTenAcceptExactlyTen() throws Exception {
        BigDecimal each = estimate();
        assertThat(each).isPositive();
        // room for ten jobs and half of an eleventh
        BigDecimal limit = each.multiply(BigDecimal.TEN).add(each.divide(BigDecimal.TWO));
        assertThat(createBudget("{\"period\": \"monthly\", \"limit_usd\": " + limit + "}").status()).isEqualTo(201);
        String dataset = api.dataset();

        List<Callable<TestApi.Response>> calls = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calls.add(() -> api.post("/v1/jobs", Jobs.request("parallel", LONG).replace(Jobs.DATASET, dataset)));
        }
        List<TestApi.Response> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(50)) {
            for (Future<TestApi.Response> f : pool.invokeAll(calls)) {
                answers.add(f.get());
            }
        }

        assertThat(answers.stream().filter(r -> r.status() == 201)).hasSize(10);
        List<TestApi.Response> refused = answers.stream().filter(r -> r.status() != 201).toList();
        assertThat(refused).hasSize(40).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(402);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("type").asString()).endsWith("/budget-exceeded");
            assertThat(r.json().get("estimated_cost_usd").decimalValue()).isEqualByComparingTo(each);
            assertThat(r.json().get("budget_remaining_usd").decimalValue()).isLessThan(each);
        });
        JsonNode jobs = api.get("/v1/jobs?limit=100").json().get("data");
        assertThat(jobs).hasSize(10);
        JsonNode budget = api.get("/v1/budgets").json().get("data").get(0);
        assertThat(budget.get("reserved_usd").decimalValue()).isEqualByComparingTo(each.multiply(BigDecimal.TEN));
        assertThat(budget.get("remaining_usd").decimalValue()).isLessThan(each);

        jobs.forEach(j -> api.post("/v1/jobs/" + j.get("id").asString() + "/cancel", ""));
    }

    @Test
    void aJobOverItsOwnBudgetLimitIsRefusedWithBothNumbersAndNothingIsCreated() {
        BigDecimal each = estimate();
        String request = Jobs.request("too-dear").replace("\"metadata\"", "\"budget_limit\": 0.000001, \"metadata\"");

        TestApi.Response refused = api.post("/v1/jobs", request);

        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.json().get("estimated_cost_usd").decimalValue()).isEqualByComparingTo(each);
        assertThat(refused.json().get("budget_limit_usd").decimalValue()).isEqualByComparingTo("0.000001");
        assertThat(refused.json().get("detail").asString()).contains(each.stripTrailingZeros().toPlainString())
                .contains("0.000001");
        assertThat(api.get("/v1/jobs").json().get("data")).isEmpty();
        assertThat(api.get("/v1/spend").json().get("groups")).isEmpty();
    }

    @Test
    void anEndedJobReplacesItsReservationWithItsActualCostAndCrossesThresholdsOnce() {
        // the sandbox trains 4 steps x 4096 tokens at 2 USD per 1M: 0.032768 USD, far over the estimate
        assertThat(createBudget("{\"period\": \"lifetime\", \"limit_usd\": 0.05, \"alert_thresholds\": [80, 50]}")
                .status()).isEqualTo(201);
        String id = api.submit(Jobs.request("settled"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/v1/jobs/" + id).json().get("status").asString().equals("succeeded"));
        JsonNode job = api.get("/v1/jobs/" + id).json();
        BigDecimal actual = job.get("actual_cost_usd").decimalValue();
        assertThat(actual).isEqualByComparingTo("0.032768");

        JsonNode spend = api.get("/v1/spend?group_by=provider").json();
        assertThat(spend.get("actual_usd").decimalValue()).isEqualByComparingTo(actual);
        assertThat(spend.get("reserved_usd").decimalValue()).isZero();
        assertThat(spend.get("groups").get(0).get("key").asString()).isEqualTo("sandbox");
        assertThat(api.get("/v1/spend?group_by=job_name").json().get("groups").get(0).get("key").asString())
                .isEqualTo("settled");
        assertThat(api.get("/v1/spend?from=2020-01-01&to=2020-02-01").json().get("groups")).isEmpty();

        JsonNode budget = api.get("/v1/budgets").json().get("data").get(0);
        assertThat(budget.get("spent_usd").decimalValue()).isEqualByComparingTo(actual);
        assertThat(budget.get("alert_thresholds").toString()).isEqualTo("[50,80]");
        // 0.032768 of 0.05 is 65.5%: 50% reached, 80% not
        List<String> alerts = new ArrayList<>();
        api.get("/v1/jobs/" + id + "/events?limit=1000").json().get("data").forEach(e -> {
            if (e.get("type").asString().equals("budget.threshold_reached")) {
                alerts.add(e.get("data").get("threshold").asString());
            }
        });
        assertThat(alerts).containsExactly("50");
        assertThat(api.get("/actuator/prometheus").body()).contains("tunegate_budget_thresholds_reached_total");

        // a second such job settles at 131%: 80% and 100% are announced on it, 50% not again
        String second = api.submit(Jobs.request("settled"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/v1/jobs/" + second + "/events?limit=1000").json().get("data").toString()
                        .contains("\"threshold\":80"));
    }

    @Test
    void aRunningJobProjectedPastItsBudgetLimitIsCancelledWithTheReason() {
        // estimate ~0.0002 USD fits 0.01; the sandbox's 8 x 4096 trained tokens project to 0.065536 USD
        String request = Jobs.request("runaway", "{\"duration_seconds\": 6, \"steps\": 8}")
                .replace("\"metadata\"", "\"budget_limit\": 0.01, \"metadata\"");
        String id = api.submit(request);

        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/v1/jobs/" + id).json().get("status").asString().equals("cancelled"));
        JsonNode overspend = null;
        for (JsonNode e : api.get("/v1/jobs/" + id + "/events?limit=1000").json().get("data")) {
            if (e.get("type").asString().equals("budget.projected_overspend")) {
                overspend = e;
            }
        }
        assertThat(overspend).isNotNull();
        assertThat(overspend.get("message").asString()).contains("exceeds budget_limit 0.01 USD");
        assertThat(overspend.get("data").get("projected_cost_usd").decimalValue()).isGreaterThan(new BigDecimal("0.01"));
        assertThat(api.get("/v1/jobs/" + id).json().get("actual_cost_usd").decimalValue())
                .isLessThan(new BigDecimal("0.065536")); // what all 8 steps x 4096 tokens would have cost
    }

    @Test
    void budgetsAreValidatedChangedAndPrivate() {
        assertThat(createBudget("{\"period\": \"weekly\", \"limit_usd\": -1, \"alert_thresholds\": [0, 50, 50]}")
                .json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("period", "limit_usd", "alert_thresholds[0]", "alert_thresholds[2]");
        assertThat(createBudget("{\"limit_usd\": 5}").status()).isEqualTo(400);
        assertThat(createBudget("{\"period\": \"monthly\", \"limit_usd\": 5, \"colour\": 1}").status()).isEqualTo(400);

        TestApi.Response created = createBudget("{\"period\": \"monthly\", \"limit_usd\": 5}");
        assertThat(created.status()).isEqualTo(201);
        JsonNode budget = created.json();
        assertThat(budget.get("alert_thresholds").toString()).isEqualTo("[50,80,100]");
        assertThat(budget.get("remaining_usd").decimalValue()).isEqualByComparingTo("5");
        assertThat(budget.get("period_start").asString()).endsWith("-01");
        String id = budget.get("id").asString();
        assertThat(createBudget("{\"period\": \"monthly\", \"limit_usd\": 9}").status()).isEqualTo(409);

        JsonNode changed = patch("/v1/budgets/" + id, "{\"limit_usd\": 7.5}").json();
        assertThat(changed.get("limit_usd").decimalValue()).isEqualByComparingTo("7.5");
        assertThat(changed.get("alert_thresholds").toString()).isEqualTo("[50,80,100]");
        assertThat(patch("/v1/budgets/" + id, "{\"period\": \"lifetime\"}").status()).isEqualTo(400);
        assertThat(api.get("/v1/budgets/" + id).json().get("limit_usd").decimalValue()).isEqualByComparingTo("7.5");

        TestApi stranger = TestApi.newProject(port, projects);
        assertThat(stranger.get("/v1/budgets/" + id).status()).isEqualTo(404);
        assertThat(stranger.get("/v1/budgets").json().get("data")).isEmpty();
        assertThat(api.get("/v1/spend?group_by=colour").status()).isEqualTo(400);
        assertThat(api.get("/v1/spend?from=yesterday").status()).isEqualTo(400);
    }
}
