package io.tunegate.platform.net;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Outbound calls to user-given URLs (dataset imports, later webhooks).
 *
 * @param allowedPrivateNetworks CIDRs, addresses or host names that may be reached although they are not
 *                               public (e.g. {@code 10.20.0.0/16}, {@code minio.internal}); empty by default
 * @param allowPlainHttp         whether {@code http://} URLs are followed at all (default: https only)
 * @param sslBundle              a Spring Boot SSL bundle whose trust material replaces the JDK's (e.g. a private CA)
 */
@ConfigurationProperties("tunegate.net")
public record NetSettings(@DefaultValue List<String> allowedPrivateNetworks, @DefaultValue("false") boolean allowPlainHttp,
                          String sslBundle) {
}
