package io.tunegate.support;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.springframework.boot.ssl.SslBundle;
import org.springframework.boot.ssl.pem.PemSslStoreBundle;
import org.springframework.boot.ssl.pem.PemSslStoreDetails;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTPS server on a loopback port with the test certificate in {@code tls/} (valid for localhost,
 * 127.0.0.1 and ::1). Clients trust it through {@link #trust()} or the SSL bundle of the same files.
 */
public final class TestHttpsServer implements AutoCloseable {

    public static final String CERTIFICATE = "classpath:tls/localhost.crt";
    public static final String PRIVATE_KEY = "classpath:tls/localhost.key";

    private final HttpsServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final CountDownLatch release = new CountDownLatch(1);

    public TestHttpsServer() {
        try {
            server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        SslBundle identity = SslBundle.of(new PemSslStoreBundle(
                PemSslStoreDetails.forCertificate(CERTIFICATE).withPrivateKey(PRIVATE_KEY), null));
        server.setHttpsConfigurator(new HttpsConfigurator(identity.createSslContext()));
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** An SSL context that trusts the test certificate only. */
    public static SSLContext trust() {
        return SslBundle.of(new PemSslStoreBundle(null, PemSslStoreDetails.forCertificate(CERTIFICATE))).createSslContext();
    }

    public TestHttpsServer on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            try (exchange) {
                handler.handle(exchange);
            }
        });
        return this;
    }

    public URI uri(String pathAndQuery) {
        return URI.create("https://127.0.0.1:" + port() + pathAndQuery);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Requests received so far. */
    public int requests() {
        return requests.get();
    }

    /** Answers with a body of known length. */
    public static HttpHandler ok(byte[] body) {
        return exchange -> {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        };
    }

    /** Answers with a chunked body (no length announced). */
    public static HttpHandler chunked(byte[] body) {
        return exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int at = 0; at < body.length; at += 8192) {
                    out.write(body, at, Math.min(8192, body.length - at));
                }
            }
        };
    }

    public static HttpHandler status(int status) {
        return exchange -> exchange.sendResponseHeaders(status, -1);
    }

    public static HttpHandler redirect(int status, String location) {
        return exchange -> {
            exchange.getResponseHeaders().add("Location", location);
            exchange.sendResponseHeaders(status, -1);
        };
    }

    /** Never answers, until the server is closed. */
    public HttpHandler silent() {
        return exchange -> {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    /** Announces a length, sends some bytes, then stops answering. */
    public HttpHandler stallAfter(byte[] start, long announced) {
        return exchange -> {
            exchange.sendResponseHeaders(200, announced);
            exchange.getResponseBody().write(start);
            exchange.getResponseBody().flush();
            silent().handle(exchange);
        };
    }


    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
