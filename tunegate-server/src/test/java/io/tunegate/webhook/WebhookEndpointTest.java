package io.tunegate.webhook;

import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** {@code /v1/webhook-endpoints} over HTTP on the real database, on the embedded default. */
class WebhookEndpointTest extends GatewayIntegrationTest {

    private static final String URL = "http://127.0.0.1:9/hooks";

    private TestApi.Response patch(TestApi as, String path, String body) {
        return as.send(as.request(path).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private TestApi.Response delete(TestApi as, String path) {
        return as.send(as.request(path).DELETE().build());
    }

    private JsonNode create(String body) {
        TestApi.Response created = api.post("/v1/webhook-endpoints", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json();
    }

    @Test
    void theSecretIsShownOnceAtCreationAndNeverAgain() {
        JsonNode created = create("{\"url\": \"" + URL + "\", \"description\": \"ci\", "
                + "\"event_types\": [\"job.succeeded\", \"job.failed\", \"job.succeeded\"]}");
        String id = created.get("id").asString();
        String secret = created.get("secret").asString();

        assertThat(created.get("object").asString()).isEqualTo("webhook_endpoint");
        assertThat(created.get("url").asString()).isEqualTo(URL);
        assertThat(created.get("enabled").asBoolean()).isTrue();
        assertThat(created.get("event_types").toString()).isEqualTo("[\"job.succeeded\",\"job.failed\"]");
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring("whsec_".length()))).hasSize(32);

        TestApi.Response got = api.get("/v1/webhook-endpoints/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().has("secret")).isFalse();
        assertThat(got.body()).doesNotContain(secret.substring(6));
        TestApi.Response listed = api.get("/v1/webhook-endpoints");
        assertThat(listed.json().get("data")).hasSize(1);
        assertThat(listed.body()).doesNotContain(secret.substring(6));
    }

    @Test
    void noEventTypesMeansEveryType() {
        JsonNode created = create("{\"url\": \"" + URL + "\"}");
        assertThat(created.get("event_types")).isEmpty();
    }

    @Test
    void rotationShowsTheNewSecretOnceAndKeepsTheOldOneSigningForADay() {
        JsonNode created = create("{\"url\": \"" + URL + "\"}");
        String path = "/v1/webhook-endpoints/" + created.get("id").asString();
        assertThat(created.get("previous_secret_expires_at").isNull()).isTrue();

        TestApi.Response rotated = patch(api, path, "{\"rotate_secret\": true}");

        assertThat(rotated.status()).as(rotated.body()).isEqualTo(200);
        String next = rotated.json().get("secret").asString();
        assertThat(next).startsWith("whsec_").isNotEqualTo(created.get("secret").asString());
        Instant overlapEnds = Instant.parse(rotated.json().get("previous_secret_expires_at").asString());
        assertThat(overlapEnds).isCloseTo(Instant.now().plus(Duration.ofHours(24)), within(Duration.ofMinutes(1)));
        String stored = jdbc.sql("select secret || ' ' || previous_secret from webhook_endpoints where id = ?::uuid")
                .param(created.get("id").asString()).query(String.class).single();
        assertThat(stored).isEqualTo(next + " " + created.get("secret").asString());

        TestApi.Response renamed = patch(api, path, "{\"description\": \"renamed\"}");
        assertThat(renamed.json().has("secret")).isFalse();
        assertThat(renamed.json().get("description").asString()).isEqualTo("renamed");
        assertThat(renamed.json().get("previous_secret_expires_at").asString()).isNotNull();
    }

    @Test
    void anEndpointCanBeChangedDisabledAndDeleted() {
        JsonNode created = create("{\"url\": \"" + URL + "\"}");
        String path = "/v1/webhook-endpoints/" + created.get("id").asString();

        TestApi.Response changed = patch(api, path,
                "{\"url\": \"http://localhost:8081/in\", \"event_types\": [\"model.version_created\"], \"enabled\": false}");
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().get("url").asString()).isEqualTo("http://localhost:8081/in");
        assertThat(changed.json().get("event_types").get(0).asString()).isEqualTo("model.version_created");
        assertThat(changed.json().get("enabled").asBoolean()).isFalse();
        assertThat(changed.json().get("disabled_reason").asString()).isNotBlank();

        TestApi.Response enabled = patch(api, path, "{\"enabled\": true}");
        assertThat(enabled.json().get("enabled").asBoolean()).isTrue();
        assertThat(enabled.json().get("disabled_reason").isNull()).isTrue();

        assertThat(delete(api, path).status()).isEqualTo(204);
        assertThat(api.get(path).status()).isEqualTo(404);
        assertThat(delete(api, path).status()).isEqualTo(404);
    }

    @Test
    void anotherProjectSeesNothing() {
        JsonNode created = create("{\"url\": \"" + URL + "\"}");
        String path = "/v1/webhook-endpoints/" + created.get("id").asString();
        TestApi other = TestApi.newProject(port, projects);

        assertThat(other.get(path).status()).isEqualTo(404);
        assertThat(patch(other, path, "{\"rotate_secret\": true}").status()).isEqualTo(404);
        assertThat(delete(other, path).status()).isEqualTo(404);
        assertThat(other.get("/v1/webhook-endpoints").json().get("data")).isEmpty();
        assertThat(api.get(path).status()).isEqualTo(200);
    }

    @Test
    void badInputIsAProblemWithFieldErrors() {
        TestApi.Response noUrl = api.post("/v1/webhook-endpoints", "{\"event_types\": [\"job.done\"]}");
        assertThat(noUrl.status()).isEqualTo(400);
        assertThat(noUrl.header("Content-Type")).startsWith("application/problem+json");
        assertThat(noUrl.body()).contains("url").contains("event_types[0]");

        assertThat(api.post("/v1/webhook-endpoints", "{\"url\": \"ftp://127.0.0.1/x\"}").status()).isEqualTo(400);
        // the embedded default allows loopback receivers, not private networks or cloud metadata
        assertThat(api.post("/v1/webhook-endpoints", "{\"url\": \"http://10.0.0.7/x\"}").status()).isEqualTo(400);
        assertThat(api.post("/v1/webhook-endpoints", "{\"url\": \"http://169.254.169.254/x\"}").status())
                .isEqualTo(400);
        assertThat(api.post("/v1/webhook-endpoints", "{\"url\": \"http://[::ffff:10.0.0.7]/x\"}").status())
                .isEqualTo(400);
        assertThat(api.post("/v1/webhook-endpoints", "{\"url\": \"" + URL + "\", \"secret\": \"mine\"}").status())
                .isEqualTo(400);
        assertThat(api.get("/v1/webhook-endpoints/not-a-uuid").status()).isEqualTo(404);
        assertThat(api.get("/v1/webhook-endpoints").json().get("data")).isEmpty();
    }

    @Test
    void withoutAKeyNothingIsAnswered() {
        assertThat(TestApi.withKey(port, null).get("/v1/webhook-endpoints").status()).isEqualTo(401);
    }
}
