package io.tunegate.job;

import io.tunegate.support.GatewayIntegrationTest;
import io.tunegate.support.Jobs;
import io.tunegate.support.TestApi;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Server-sent events: live, replayed from Last-Event-ID, closed by the server after the terminal event. */
class EventStreamTest extends GatewayIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();



    record Sse(String id, String name, JsonNode data) {
    }

    /** Reads the whole stream; it must end by itself within the timeout. */
    private List<Sse> read(HttpRequest request) throws Exception {
        HttpResponse<Stream<String>> response = api.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/event-stream");
        CompletableFuture<List<Sse>> events = CompletableFuture.supplyAsync(() -> {
            List<Sse> out = new ArrayList<>();
            String id = null;
            String name = null;
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.startsWith("id:")) {
                    id = line.substring(3).trim();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).trim();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                } else if (line.isEmpty() && !data.isEmpty()) {
                    out.add(new Sse(id, name, JSON.readTree(data.toString())));
                    data.setLength(0);
                }
            }
            return out;
        });
        return events.get(30, TimeUnit.SECONDS);
    }

    @Test
    void followsAJobLiveAndClosesAfterItsEnd() throws Exception {
        String id = api.submit(Jobs.request("streamed"));
        List<Sse> events = read(api.request("/v1/jobs/" + id + "/events/stream")
                .header("Accept", "text/event-stream").timeout(Duration.ofSeconds(30)).GET().build());

        assertThat(events).extracting(Sse::id).isEqualTo(
                java.util.stream.IntStream.rangeClosed(1, events.size()).mapToObj(Integer::toString).toList());
        assertThat(events.getFirst().name()).isEqualTo("created");
        Sse last = events.getLast();
        assertThat(last.name()).isEqualTo("status_changed");
        assertThat(last.data().get("status").asString()).isEqualTo("succeeded");
        assertThat(events).extracting(e -> e.data().get("status").asString()).contains("running");

        int stored = api.get("/v1/jobs/" + id + "/events?limit=1000").json().get("data").size();
        assertThat(events).hasSize(stored);
    }

    @Test
    void replaysWhatTheClientMissed() throws Exception {
        String id = api.submit(Jobs.request("replayed"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/v1/jobs/" + id).json().get("status").asString().equals("succeeded"));
        int total = api.get("/v1/jobs/" + id + "/events?limit=1000").json().get("data").size();

        List<Sse> fromHeader = read(api.request("/v1/jobs/" + id + "/events/stream")
                .header("Last-Event-ID", "3").GET().build());
        assertThat(fromHeader.getFirst().id()).isEqualTo("4");
        assertThat(fromHeader).hasSize(total - 3);
        assertThat(fromHeader.getLast().data().get("status").asString()).isEqualTo("succeeded");

        List<Sse> afterTheEnd = read(api.request("/v1/jobs/" + id + "/events/stream")
                .header("Last-Event-ID", Integer.toString(total)).GET().build());
        assertThat(afterTheEnd).isEmpty();
        TestApi.Response pastTheEnd = api.send(api.request("/v1/jobs/" + id + "/events/stream")
                .header("Last-Event-ID", Integer.toString(total + 5)).GET().build());
        assertThat(pastTheEnd.status()).isEqualTo(400);

        List<Sse> fromParam = read(api.request("/v1/jobs/" + id + "/events/stream?last_event_id=" + (total - 1))
                .GET().build());
        assertThat(fromParam).extracting(Sse::id).containsExactly(Integer.toString(total));
    }

    @Test
    void eventPagesFollowTheCursor() {
        String id = api.submit(Jobs.request("paged"));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                api.get("/v1/jobs/" + id).json().get("status").asString().equals("succeeded"));
        JsonNode first = api.get("/v1/jobs/" + id + "/events?limit=3").json();
        assertThat(first.get("data")).hasSize(3);
        assertThat(first.get("has_more").asBoolean()).isTrue();
        JsonNode second = api.get("/v1/jobs/" + id + "/events?limit=3&cursor=" + first.get("next_cursor").asString()).json();
        assertThat(second.get("data").get(0).get("seq").asInt()).isEqualTo(4);
    }
}
