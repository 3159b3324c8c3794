package io.tunegate.client;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A JDK HTTP server on loopback standing in for the gateway, recording the requests it gets. */
final class StubGateway implements AutoCloseable {

    /** What one request carried. */
    record Seen(String method, String path, String query, String lastEventId, String idempotencyKey,
                String authorization) {
    }

    /**
     * Thrown by a handler to drop the connection as it is, mid-response: the JDK server closes the socket of an
     * exchange whose handler failed, without the chunked body's final chunk, as a crash or a proxy would.
     */
    static final class DropConnection extends IOException {
        DropConnection() {
            super("connection dropped on purpose");
        }
    }

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    final List<Seen> seen = new CopyOnWriteArrayList<>();

    StubGateway() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.start();
    }

    StubGateway on(String path, Handler handler) {
        server.createContext(path, exchange -> {
            var headers = exchange.getRequestHeaders();
            seen.add(new Seen(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), headers.getFirst("Last-Event-ID"),
                    headers.getFirst("Idempotency-Key"), headers.getFirst("Authorization")));
            try {
                handler.handle(exchange);
            } catch (DropConnection drop) {
                throw drop; // not closed: the server drops the connection without ending the response
            }
            exchange.close();
        });
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    FineTuningClient.Builder client() {
        return FineTuningClient.builder().baseUrl(url()).apiKey("tg-secret-key").retryDelay(java.time.Duration.ofMillis(10))
                .streamReconnectDelay(java.time.Duration.ofMillis(10));
    }

    static void json(HttpExchange exchange, int status, String body) throws IOException {
        respond(exchange, status, status >= 400 ? "application/problem+json" : "application/json", body);
    }

    static void respond(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
