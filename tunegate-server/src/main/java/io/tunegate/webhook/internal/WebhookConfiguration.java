package io.tunegate.webhook.internal;

import io.tunegate.platform.db.EmbeddedDefault;
import io.tunegate.platform.net.AddressPolicy;
import io.tunegate.platform.net.SafeHttpClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import java.util.List;

@Configuration(proxyBeanMethods = false)
class WebhookConfiguration {

    /** Loopback in both families; what the embedded default allows when nothing is configured. */
    static final List<String> EMBEDDED_ALLOWED = List.of("127.0.0.0/8", "::1/128");

    @Bean
    WebhookTargets webhookTargets(WebhookSettings settings, SafeHttpClients clients, Environment environment) {
        // only an unset setting takes the embedded convenience: any explicit value, even empty, is used as given,
        // and a configured database (a real deployment) never gets it
        boolean embedded = EmbeddedDefault.isActive(environment);
        List<String> allowed = settings.allowedPrivateNetworks() != null ? settings.allowedPrivateNetworks()
                : embedded ? EMBEDDED_ALLOWED : List.of();
        boolean plainHttp = settings.allowPlainHttp() != null ? settings.allowPlainHttp() : embedded;
        return new WebhookTargets(clients.withPolicy(AddressPolicy.allowing(allowed), plainHttp));
    }
}
