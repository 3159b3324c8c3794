package io.tunegate.client;

import com.sun.net.httpserver.HttpExchange;
import io.tunegate.client.model.JobEvent;
import io.tunegate.client.model.JobStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class JobEventStreamTest {

    private static final String STREAM = "/v1/jobs/j1/events/stream";

    private final StubGateway gateway;

    JobEventStreamTest() throws IOException {
        gateway = new StubGateway();
    }

    @AfterEach
    void stop() {
        gateway.close();
    }

    /** The SSE frame the gateway sends for one job event. */
    static String frame(int seq, String type, String status) {
        return "id: " + seq + "\nevent: " + type + "\ndata: {\"job_id\":\"j1\",\"seq\":" + seq + ",\"type\":\"" + type
                + "\",\"status\":\"" + status + "\",\"message\":\"m" + seq + "\",\"data\":{\"n\":1.5},"
                + "\"created_at\":\"2026-11-21T10:00:0" + seq + "Z\",\"added_later\":true}\n\n";
    }

    /** Starts an event stream (chunked) and writes {@code text}; then ends it, or with {@code drop} cuts it. */
    static void stream(HttpExchange exchange, String text, boolean drop) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        if (drop) {
            throw new StubGateway.DropConnection();
        }
    }

    @Test
    void reconnectsWithTheLastEventIdAfterADroppedConnection() {
        AtomicInteger connection = new AtomicInteger();
        gateway.on(STREAM, exchange -> {
            switch (connection.incrementAndGet()) {
                // two whole events, then half of a third, then the connection dies
                case 1 -> stream(exchange, "retry: 20\n" + frame(1, "created", "validating")
                        + ": keep-alive\n\n" + frame(2, "status_changed", "queued")
                        + "id: 3\ndata: {\"job_id\":\"j1\",\"se", true);
                case 2 -> stream(exchange, frame(3, "status_changed", "running"), true);
                default -> stream(exchange, frame(4, "status_changed", "succeeded"), false);
            }
        });

        List<JobEvent> events = new ArrayList<>();
        try (FineTuningClient client = gateway.client().build();
             JobEventStream stream = client.streamJobEvents("j1")) {
            stream.forEachRemaining(events::add);
            assertThat(stream.isFinished()).isTrue();
            assertThat(stream.lastEventId()).isEqualTo("4");
        }

        assertThat(events).extracting(JobEvent::seq).containsExactly(1, 2, 3, 4);
        assertThat(events).extracting(JobEvent::status).containsExactly(JobStatus.VALIDATING, JobStatus.QUEUED,
                JobStatus.RUNNING, JobStatus.SUCCEEDED);
        assertThat(events.getFirst().data()).containsEntry("n", new java.math.BigDecimal("1.5"));
        assertThat(events.getLast().isTerminal()).isTrue();
        // the half-sent event 3 did not count: the second connection asked for what followed event 2
        assertThat(gateway.seen).extracting(StubGateway.Seen::lastEventId).containsExactly(null, "2", "3");
        assertThat(gateway.seen).extracting(StubGateway.Seen::authorization).containsOnly("Bearer tg-secret-key");
    }

    @Test
    void startsAfterTheGivenLastEventId() {
        gateway.on(STREAM, exchange -> stream(exchange, frame(6, "status_changed", "cancelled"), false));

        try (FineTuningClient client = gateway.client().build();
             JobEventStream stream = client.streamJobEvents("j1", "5")) {
            assertThat(stream.stream().map(JobEvent::seq).toList()).containsExactly(6);
        }
        assertThat(gateway.seen.getFirst().lastEventId()).isEqualTo("5");
    }

    @Test
    void aStreamEndedWithoutNewsEndsWhenTheJobHasEnded() {
        // the job ended right after event 1 was sent, and the server closed without sending the terminal event
        AtomicInteger connection = new AtomicInteger();
        gateway.on(STREAM, exchange -> stream(exchange,
                connection.incrementAndGet() == 1 ? frame(1, "created", "validating") : "", false));
        gateway.on("/v1/jobs/j1", exchange -> StubGateway.json(exchange, 200,
                "{\"id\":\"j1\",\"status\":\"failed\",\"job_name\":\"x\"}"));

        try (FineTuningClient client = gateway.client().build();
             JobEventStream stream = client.streamJobEvents("j1")) {
            assertThat(stream.stream().map(JobEvent::seq).toList()).containsExactly(1);
            assertThat(stream.isFinished()).isTrue();
        }
        assertThat(gateway.seen).extracting(StubGateway.Seen::path)
                .containsExactly(STREAM, STREAM, "/v1/jobs/j1");
    }

    @Test
    void givesUpAfterTheAllowedReconnectionsBringNothing() {
        AtomicInteger connection = new AtomicInteger();
        gateway.on(STREAM, exchange -> {
            if (connection.incrementAndGet() == 1) {
                stream(exchange, frame(1, "created", "validating"), true);
            } else {
                StubGateway.json(exchange, 503, "{\"title\":\"down\",\"status\":503}");
            }
        });

        try (FineTuningClient client = gateway.client().streamReconnects(3).build();
             JobEventStream stream = client.streamJobEvents("j1")) {
            assertThat(stream.next().seq()).isEqualTo(1);
            assertThatThrownBy(stream::hasNext).isInstanceOf(TunegateTransportException.class)
                    .hasMessageContaining("3 reconnections");
            assertThat(stream.hasNext()).isFalse();
        }
        // the first connection and three reconnections, each asking for what followed event 1
        assertThat(gateway.seen).extracting(StubGateway.Seen::lastEventId).containsExactly(null, "1", "1", "1");
    }

    @Test
    void aMissingJobFailsAtOnce() {
        gateway.on(STREAM, exchange -> StubGateway.json(exchange, 404, """
                {"type":"https://tunegate.dev/problems/not-found","title":"Not found","status":404,
                 "detail":"Job j1 not found"}"""));

        try (FineTuningClient client = gateway.client().build()) {
            assertThatThrownBy(() -> client.streamJobEvents("j1")).isInstanceOf(NotFoundException.class)
                    .hasMessage("404 not-found: Job j1 not found");
        }
    }

    @Test
    void aSilentConnectionIsTakenAsDeadAndReopened() {
        AtomicInteger connection = new AtomicInteger();
        CountDownLatch released = new CountDownLatch(1);
        gateway.on(STREAM, exchange -> {
            if (connection.incrementAndGet() == 1) {
                stream(exchange, frame(1, "created", "validating"), false);
                try {
                    released.await(20, TimeUnit.SECONDS); // says nothing more, not even a keep-alive
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                stream(exchange, frame(2, "status_changed", "succeeded"), false);
            }
        });

        try (FineTuningClient client = gateway.client().streamIdleTimeout(Duration.ofMillis(300)).build();
             JobEventStream stream = client.streamJobEvents("j1")) {
            assertThat(stream.stream().map(JobEvent::seq).toList()).containsExactly(1, 2);
        } finally {
            released.countDown();
        }
        assertThat(gateway.seen).extracting(StubGateway.Seen::lastEventId).containsExactly(null, "1");
    }

    @Test
    void closingFromAnotherThreadEndsABlockedRead() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        gateway.on(STREAM, exchange -> {
            stream(exchange, frame(1, "created", "validating"), false);
            try {
                released.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        try (FineTuningClient client = gateway.client().build()) {
            JobEventStream stream = client.streamJobEvents("j1");
            assertThat(stream.next().seq()).isEqualTo(1);
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                stream.close();
            });
            assertThat(stream.hasNext()).isFalse(); // blocked until closed
            assertThat(stream.isFinished()).isFalse();
        } finally {
            released.countDown();
        }
        assertThat(gateway.seen).hasSize(1);
    }

    @Test
    void theRequestTimeoutCoversTheAnswersHeadNotTheStream() {
        gateway.on(STREAM, exchange -> {
            stream(exchange, frame(1, "created", "validating"), false);
            try {
                Thread.sleep(2500); // well past the request timeout
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.getResponseBody().write(frame(2, "status_changed", "succeeded").getBytes(StandardCharsets.UTF_8));
        });

        try (FineTuningClient client = gateway.client().requestTimeout(Duration.ofSeconds(1)).build();
             JobEventStream stream = client.streamJobEvents("j1")) {
            assertThat(stream.stream().map(JobEvent::seq).toList()).containsExactly(1, 2);
        }
        assertThat(gateway.seen).hasSize(1);
    }

    @Test
    void anInterruptedReaderStopsInsteadOfReconnecting() throws Exception {
        CountDownLatch released = new CountDownLatch(1);
        gateway.on(STREAM, exchange -> {
            stream(exchange, frame(1, "created", "validating"), false);
            try {
                released.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        try (FineTuningClient client = gateway.client().build();
             JobEventStream stream = client.streamJobEvents("j1")) {
            assertThat(stream.next().seq()).isEqualTo(1);
            Thread reader = Thread.currentThread();
            Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
                reader.interrupt();
            });
            assertThatThrownBy(stream::hasNext).isInstanceOf(TunegateTransportException.class)
                    .hasMessageStartingWith("Interrupted");
            assertThat(Thread.interrupted()).isTrue();
        } finally {
            released.countDown();
        }
        assertThat(gateway.seen).hasSize(1);
    }
}
