package io.tunegate.job;

import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Another project's job or model is a 404, never a 403 and never its data. */
class CrossProjectTest extends GatewayIntegrationTest {


    @Test
    void anotherProjectsResourcesDoNotExist() {
        TestApi owner = api;
        TestApi stranger = TestApi.newProject(port, projects);
        String id = owner.submit(Jobs.request("private-model"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> owner.get("/v1/models/private-model").status() == 200);

        for (String path : new String[]{"/v1/jobs/" + id, "/v1/jobs/" + id + "/events",
                "/v1/jobs/" + id + "/metrics", "/v1/jobs/" + id + "/events/stream", "/v1/jobs/" + id + "/estimate",
                "/v1/models/private-model", "/v1/models/private-model/versions"}) {
            TestApi.Response r = stranger.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            // the 404 may echo what the caller asked for, but nothing of the owner's job
            assertThat(r.body()).as(path).doesNotContain(owner.dataset()).doesNotContain("sandbox:")
                    .doesNotContain("meta-llama");
        }
        TestApi.Response cancel = stranger.post("/v1/jobs/" + id + "/cancel", "");
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(stranger.get("/v1/jobs").json().get("data")).isEmpty();
        assertThat(stranger.get("/v1/models").json().get("data")).isEmpty();

        assertThat(owner.get("/v1/jobs/" + id).status()).isEqualTo(200);
        assertThat(owner.get("/v1/jobs").json().get("data")).hasSize(1);
    }
}
