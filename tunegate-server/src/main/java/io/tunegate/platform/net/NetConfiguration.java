package io.tunegate.platform.net;

import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.net.ssl.SSLContext;
import java.security.NoSuchAlgorithmException;

@Configuration(proxyBeanMethods = false)
class NetConfiguration {

    @Bean
    SafeHttpClients safeHttpClients(NetSettings settings, ObjectProvider<SslBundles> bundles)
            throws NoSuchAlgorithmException {
        SSLContext ssl = settings.sslBundle() == null || settings.sslBundle().isBlank() ? SSLContext.getDefault()
                : bundles.getObject().getBundle(settings.sslBundle()).createSslContext();
        return new SafeHttpClients(AddressPolicy.allowing(settings.allowedPrivateNetworks()), settings.allowPlainHttp(),
                ssl, SystemDefaultDnsResolver.INSTANCE);
    }
}
