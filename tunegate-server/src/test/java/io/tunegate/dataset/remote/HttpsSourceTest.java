package io.tunegate.dataset.remote;

import io.tunegate.dataset.DatasetImportException;
import io.tunegate.platform.net.AddressPolicy;
import io.tunegate.platform.net.SafeHttpClients;
import io.tunegate.support.FixedDns;
import io.tunegate.support.TestHttpsServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tunegate.support.TestHttpsServer.chunked;
import static io.tunegate.support.TestHttpsServer.ok;
import static io.tunegate.support.TestHttpsServer.redirect;
import static io.tunegate.support.TestHttpsServer.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * https:// downloads against a real TLS server on loopback. Only 127.0.0.1 is allowed besides public
 * addresses; names resolve through fixed answers, so nothing but loopback is ever contacted.
 */
class HttpsSourceTest {

    private static final byte[] DATA = "{\"messages\": []}\n".getBytes(StandardCharsets.UTF_8);
    private static final RemoteSettings SETTINGS = new RemoteSettings(null, Duration.ofSeconds(5),
            Duration.ofMillis(500), 3);
    private static final FixedDns DNS = new FixedDns(Map.of(
            "localhost", List.of("127.0.0.1"),
            "loopback.test", List.of("127.0.0.1"),
            "mapped-loopback.test", List.of("::ffff:127.0.0.1"),
            "other-loopback.test", List.of("127.0.0.2")));

    private final TestHttpsServer server = new TestHttpsServer();
    private final HttpsSource loopbackAllowed = source(AddressPolicy.allowing(List.of("127.0.0.1")), TestHttpsServer.trust());

    @AfterEach
    void stop() throws IOException {
        loopbackAllowed.close();
        server.close();
    }

    private HttpsSource source(AddressPolicy policy, SSLContext ssl) {
        return new HttpsSource(new SafeHttpClients(policy, false, ssl, DNS), SETTINGS);
    }

    private byte[] fetch(HttpsSource source, URI uri) throws IOException {
        try (InputStream in = source.open(new RemoteReference.HttpsUrl(uri), 1 << 20)) {
            return in.readAllBytes();
        }
    }

    private DatasetImportException refusal(HttpsSource source, URI uri) {
        return catchThrowableOfType(DatasetImportException.class, () -> fetch(source, uri));
    }

    @Test
    void downloadsAFile() throws IOException {
        server.on("/data/train.jsonl", ok(DATA));
        assertThat(fetch(loopbackAllowed, server.uri("/data/train.jsonl?X-Amz-Signature=abc"))).isEqualTo(DATA);
        server.on("/chunked.jsonl", chunked(DATA));
        assertThat(fetch(loopbackAllowed, server.uri("/chunked.jsonl"))).isEqualTo(DATA);
    }

    @Test
    void followsRedirectsCheckingEachHop() throws IOException {
        server.on("/a", redirect(302, "/b"))
                .on("/b", redirect(307, "https://localhost:" + server.port() + "/c"))
                .on("/c", redirect(308, "https://127.0.0.1:" + server.port() + "/d"))
                .on("/d", ok(DATA));
        assertThat(fetch(loopbackAllowed, server.uri("/a"))).isEqualTo(DATA);
        assertThat(server.requests()).isEqualTo(4);
    }

    @Test
    void stopsAfterTheLastAllowedRedirect() {
        server.on("/loop", redirect(302, "/loop"));
        DatasetImportException e = refusal(loopbackAllowed, server.uri("/loop"));
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("more than 3 redirects");
        assertThat(server.requests()).isEqualTo(4);
    }

    @Test
    void aRedirectToAPrivateAddressIsRefusedBeforeConnecting() {
        server.on("/to-literal", redirect(302, "https://127.0.0.2:" + server.port() + "/x"))
                .on("/to-name", redirect(302, "https://other-loopback.test:" + server.port() + "/x"))
                .on("/to-metadata", redirect(302, "https://[::ffff:a9fe:a9fe]/latest/meta-data/"))
                .on("/to-plain-http", redirect(301, "http://127.0.0.1:" + server.port() + "/x"))
                .on("/x", ok(DATA));

        DatasetImportException literal = refusal(loopbackAllowed, server.uri("/to-literal"));
        assertThat(literal.retryable()).isFalse();
        assertThat(literal.getMessage()).contains("redirected to https://127.0.0.2").contains("loopback");
        DatasetImportException name = refusal(loopbackAllowed, server.uri("/to-name"));
        assertThat(name.retryable()).isFalse();
        assertThat(name.getMessage()).contains("other-loopback.test resolves to a loopback address");
        DatasetImportException metadata = refusal(loopbackAllowed, server.uri("/to-metadata"));
        assertThat(metadata.retryable()).isFalse();
        assertThat(metadata.getMessage()).contains("link-local");
        DatasetImportException plain = refusal(loopbackAllowed, server.uri("/to-plain-http"));
        assertThat(plain.retryable()).isFalse();
        assertThat(plain.getMessage()).contains("only https://");
        assertThat(server.requests()).as("only the redirecting requests reached a server").isEqualTo(4);
    }

    @Test
    void aHostThatResolvesToAPrivateAddressIsNeverConnectedTo() throws IOException {
        server.on("/", ok(DATA));
        try (HttpsSource publicOnly = source(AddressPolicy.publicOnly(), TestHttpsServer.trust())) {
            for (String host : List.of("loopback.test", "mapped-loopback.test", "localhost", "127.0.0.1", "[::1]")) {
                DatasetImportException e = refusal(publicOnly, URI.create("https://" + host + ":" + server.port() + "/"));
                assertThat(e.retryable()).as(host).isFalse();
                assertThat(e.getMessage()).as(host).contains("loopback");
            }
        }
        assertThat(server.requests()).isZero();
    }

    @Test
    void errorAnswersAreSortedIntoRetryableOrNot() {
        server.on("/404", status(404)).on("/403", status(403)).on("/410", status(410))
                .on("/503", status(503)).on("/500", status(500)).on("/429", status(429));
        for (int code : new int[]{404, 403, 410}) {
            DatasetImportException e = refusal(loopbackAllowed, server.uri("/" + code));
            assertThat(e.retryable()).as("HTTP %s", code).isFalse();
            assertThat(e.getMessage()).contains("HTTP " + code);
        }
        for (int code : new int[]{503, 500, 429}) {
            assertThat(refusal(loopbackAllowed, server.uri("/" + code)).retryable()).as("HTTP %s", code).isTrue();
        }
    }

    @Test
    void messagesNeverRepeatTheQueryString() {
        server.on("/signed.jsonl", status(403));
        DatasetImportException e = refusal(loopbackAllowed,
                server.uri("/signed.jsonl?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=deadbeef"));
        assertThat(e.getMessage()).isEqualTo("https://127.0.0.1:" + server.port()
                + "/signed.jsonl: the server answered HTTP 403").doesNotContain("deadbeef", "AKIA", "?");
    }

    @Test
    void aDeclaredSizeOverTheLimitIsRefusedUnread() {
        server.on("/big", ok(new byte[2048]));
        assertThatThrownBy(() -> loopbackAllowed.open(new RemoteReference.HttpsUrl(server.uri("/big")), 1024))
                .isInstanceOfSatisfying(DatasetImportException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).contains("2048 bytes, more than the limit of 1024");
                });
    }

    @Test
    void aSilentServerTimesOutRetryably() {
        server.on("/silent", server.silent());
        DatasetImportException e = refusal(loopbackAllowed, server.uri("/silent"));
        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("timed out");

        server.on("/stalls", server.stallAfter(DATA, 1000));
        assertThatThrownBy(() -> fetch(loopbackAllowed, server.uri("/stalls")))
                .isInstanceOf(RemoteReadException.class).hasMessageContaining("reading timed out");
    }

    @Test
    void anUntrustedOrMismatchedCertificateIsRefused() throws Exception {
        server.on("/", ok(DATA));
        DatasetImportException mismatch = refusal(loopbackAllowed, URI.create("https://loopback.test:" + server.port() + "/"));
        assertThat(mismatch.retryable()).isFalse();
        assertThat(mismatch.getMessage()).contains("TLS");
        try (HttpsSource jdkTrust = source(AddressPolicy.allowing(List.of("127.0.0.1")), SSLContext.getDefault())) {
            DatasetImportException e = refusal(jdkTrust, server.uri("/"));
            assertThat(e.retryable()).isFalse();
            assertThat(e.getMessage()).contains("TLS");
        }
    }
}
