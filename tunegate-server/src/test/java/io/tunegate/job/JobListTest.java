package io.tunegate.job;

import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class JobListTest extends GatewayIntegrationTest {


    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(j -> ids.add(j.get("id").asString()));
        return ids;
    }

    @Test
    void filtersAndPagesNewestFirst() {
        TestApi api = TestApi.newProject(port, projects);
        List<String> alpha = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            alpha.add(api.submit(Jobs.request("alpha", "{\"duration_seconds\": 120}")));
        }
        String beta = api.submit(Jobs.request("beta", "{\"outcome\": \"fail\"}"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/v1/jobs/" + beta).json().get("status").asString().equals("failed"));

        JsonNode page1 = api.get("/v1/jobs?job_name=alpha&limit=2").json();
        assertThat(ids(page1)).containsExactly(alpha.get(2), alpha.get(1));
        assertThat(page1.get("has_more").asBoolean()).isTrue();
        JsonNode page2 = api.get("/v1/jobs?job_name=alpha&limit=2&cursor=" + page1.get("next_cursor").asString()).json();
        assertThat(ids(page2)).containsExactly(alpha.get(0));
        assertThat(page2.get("has_more").asBoolean()).isFalse();
        assertThat(page2.get("next_cursor").isNull()).isTrue();

        assertThat(ids(api.get("/v1/jobs?status=failed").json())).containsExactly(beta);
        assertThat(ids(api.get("/v1/jobs?status=failed,succeeded&status=cancelled").json())).containsExactly(beta);
        assertThat(ids(api.get("/v1/jobs?provider=sandbox").json())).hasSize(4);
        assertThat(ids(api.get("/v1/jobs?provider=openai").json())).isEmpty();

        alpha.forEach(id -> api.post("/v1/jobs/" + id + "/cancel", ""));
    }
}
