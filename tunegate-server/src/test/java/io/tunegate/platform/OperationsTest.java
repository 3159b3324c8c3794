package io.tunegate.platform;

import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Health with the database, and the job and provider metrics Prometheus scrapes. */
class OperationsTest extends GatewayIntegrationTest {


    @Test
    void healthIncludesTheDatabase() {
        TestApi anonymous = TestApi.withKey(port, null);
        TestApi.Response health = anonymous.get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
        assertThat(health.json().get("components").get("db").get("status").asString()).isEqualTo("UP");
        assertThat(health.body()).doesNotContain("jdbc:");
        assertThat(anonymous.get("/").json().get("service").asString()).isEqualTo("tunegate");
    }

    @Test
    void jobAndProviderMetricsAreExposed() {
        TestApi api = TestApi.newProject(port, projects);
        String id = api.submit(Jobs.request("metered", "{\"outcome\": \"fail\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/v1/jobs/" + id).json().get("status").asString().equals("failed"));

        String metrics = TestApi.withKey(port, null).get("/actuator/prometheus").body();
        assertThat(metrics)
                .containsPattern("tunegate_jobs_submitted_total\\{base_model=\"meta-llama/Llama-3.1-8B-Instruct\",provider=\"sandbox\"} [1-9]")
                .containsPattern("tunegate_jobs_failed_total\\{base_model=\"meta-llama/Llama-3.1-8B-Instruct\",provider=\"sandbox\"} [1-9]")
                .containsPattern("tunegate_job_duration_seconds_count\\{outcome=\"failed\",provider=\"sandbox\"} [1-9]")
                .containsPattern("tunegate_jobs_active\\{status=\"running\"}")
                .containsPattern("tunegate_provider_calls_seconds_count\\{operation=\"submit\",outcome=\"success\",provider=\"sandbox\"} [1-9]")
                .containsPattern("tunegate_provider_calls_seconds_bucket\\{operation=\"fetch\",outcome=\"success\",provider=\"sandbox\",le=")
                // what the dashboard's provider panels read: slots, circuit state, retries
                .containsPattern("tunegate_provider_jobs\\{provider=\"sandbox\",state=\"in_use\"} ")
                .containsPattern("tunegate_provider_jobs\\{provider=\"openai\",state=\"waiting\"} ")
                .containsPattern("resilience4j_circuitbreaker_state\\{name=\"sandbox\",state=\"closed\"} 1")
                .containsPattern("resilience4j_circuitbreaker_not_permitted_calls_total\\{[^}]*name=\"sandbox\"")
                .containsPattern("resilience4j_retry_calls_total\\{kind=\"[a-z_]+\",name=\"sandbox\"}");
    }
}
