package io.tunegate.webhook.internal;

import com.sun.net.httpserver.HttpServer;
import io.tunegate.platform.net.AddressPolicy;
import io.tunegate.platform.net.BlockedAddressException;
import io.tunegate.platform.net.SafeHttpClients;
import io.tunegate.support.FixedDns;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import javax.net.ssl.SSLContext;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Which receivers webhooks may reach: loopback and plain http only on the embedded default, and only while
 * nothing else is configured; the check holds at connection time for names that resolve to loopback.
 */
class WebhookTargetsTest {

    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private static WebhookTargets targets(WebhookSettings settings, MockEnvironment environment) throws Exception {
        SafeHttpClients shared = new SafeHttpClients(AddressPolicy.allowing(List.of()), false, SSLContext.getDefault(),
                new FixedDns(Map.of("hooks.example", List.of("127.0.0.1"))));
        return new WebhookConfiguration().webhookTargets(settings, shared, environment);
    }

    private static WebhookSettings unset() {
        return new WebhookSettings(null, null, Duration.ofSeconds(15), Duration.ofHours(24), RetrySchedule.DEFAULT);
    }

    private static MockEnvironment embedded() {
        return new MockEnvironment();
    }

    private static MockEnvironment configuredDatabase() {
        return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.internal/tunegate");
    }

    private int post(WebhookTargets targets, String host) throws Exception {
        try (var client = targets.clients().create(Duration.ofSeconds(5), Duration.ofSeconds(5))) {
            return client.execute(new HttpPost("http://" + host + ":" + receiver.getAddress().getPort() + "/hook"),
                    response -> response.getCode());
        }
    }

    @Test
    void theEmbeddedDefaultReachesLoopbackOverPlainHttp() throws Exception {
        WebhookTargets targets = targets(unset(), embedded());

        assertThat(targets.refusal("http://127.0.0.1:9000/hook")).isEmpty();
        assertThat(targets.refusal("http://[::1]:9000/hook")).isEmpty();
        assertThat(post(targets, "hooks.example")).isEqualTo(204);
        // only loopback: private networks stay refused
        assertThat(targets.refusal("http://10.1.2.3/hook")).isPresent();
        assertThat(targets.refusal("http://169.254.169.254/latest")).isPresent();
        assertThat(targets.refusal("http://[::ffff:10.1.2.3]/hook")).isPresent();
    }

    @Test
    void withAConfiguredDatabaseLoopbackAndPlainHttpAreRefused() throws Exception {
        WebhookTargets targets = targets(unset(), configuredDatabase());

        assertThat(targets.refusal("http://example.com/hook")).get().asString().contains("https");
        assertThat(targets.refusal("https://127.0.0.1/hook")).isPresent();
        assertThat(targets.refusal("https://[::ffff:127.0.0.1]/hook")).isPresent();
        assertThat(targets.refusal("https://hooks.example/hook")).isEmpty(); // a name: judged when it is resolved
    }

    @Test
    void aNameResolvingToLoopbackIsRefusedAtConnectionTimeOutsideTheEmbeddedDefault() throws Exception {
        WebhookTargets targets = targets(new WebhookSettings(null, true, Duration.ofSeconds(15), Duration.ofHours(24), RetrySchedule.DEFAULT),
                configuredDatabase());

        assertThatThrownBy(() -> post(targets, "hooks.example")).isInstanceOf(BlockedAddressException.class);
    }

    @Test
    void anExplicitSettingWinsOverTheEmbeddedDefault() throws Exception {
        WebhookTargets targets = targets(new WebhookSettings(List.of(), false, Duration.ofSeconds(15),
                Duration.ofHours(24), RetrySchedule.DEFAULT), embedded());

        assertThat(targets.refusal("http://127.0.0.1:9000/hook")).isPresent();
        assertThat(targets.refusal("https://127.0.0.1:9000/hook")).isPresent();
    }

    @Test
    void urlsThatAreNotHttpAreRefused() throws Exception {
        WebhookTargets targets = targets(unset(), embedded());

        assertThat(targets.refusal("ftp://127.0.0.1/hook")).isPresent();
        assertThat(targets.refusal("/relative/hook")).isPresent();
        assertThat(targets.refusal("http://user:pw@127.0.0.1/hook")).isPresent();
        assertThat(targets.refusal("http://127.0.0.1/hook#frag")).isPresent();
        assertThat(targets.refusal("not a url")).isPresent();
    }
}
