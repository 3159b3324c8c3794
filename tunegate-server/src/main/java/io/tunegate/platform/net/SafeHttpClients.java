package io.tunegate.platform.net;

import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.core5.util.Timeout;

import javax.net.ssl.SSLContext;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds HTTP clients for URLs that users give (dataset imports, webhooks): every connection goes through
 * {@link PolicyDnsResolver}, so only allowed addresses are ever connected to; redirects are never followed
 * by the client (a caller that follows them checks each hop with {@link #checkTarget}); no proxy, no cookies,
 * no automatic retries, no transparent decompression; connect and read timeouts on every call.
 */
public final class SafeHttpClients {

    private final AddressPolicy policy;
    private final boolean allowPlainHttp;
    private final SSLContext ssl;
    private final DnsResolver dns;

    /**
     * @param dns where names are resolved before the policy filters them (the system resolver in production;
     *            tests give fixed answers)
     */
    public SafeHttpClients(AddressPolicy policy, boolean allowPlainHttp, SSLContext ssl, DnsResolver dns) {
        this.policy = policy;
        this.allowPlainHttp = allowPlainHttp;
        this.ssl = ssl;
        this.dns = dns;
    }

    /** A new pooled client; the caller closes it. */
    public CloseableHttpClient create(Duration connectTimeout, Duration readTimeout) {
        var connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setDnsResolver(new PolicyDnsResolver(policy, dns))
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(ssl).buildClassic())
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(readTimeout))
                        .build())
                // HttpClient's default of 5 connections per host would queue concurrent imports from one server
                .setMaxConnPerRoute(20)
                .setMaxConnTotal(100)
                .build();
        return HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(readTimeout)).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("Tunegate")
                .build();
    }

    /**
     * Checks what can be checked before connecting: the scheme, a host, no credentials in the URL, and an
     * IP-literal host against the policy (HttpClient does not resolve literals). Host names are checked when
     * the client resolves them.
     *
     * @return why the URL is refused, safe to show (it never repeats the query or credentials); empty if fine
     */
    public Optional<String> checkTarget(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowPlainHttp && scheme.equals("http"))) {
            return Optional.of(allowPlainHttp ? "only http:// and https:// URLs are supported"
                    : "only https:// URLs are supported (plain http:// is off)");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return Optional.of("the URL has no valid host");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("credentials in the URL are not accepted");
        }
        String host = uri.getHost();
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (AddressPolicy.isIpLiteral(bare)) {
            try {
                return policy.refusal(null, AddressPolicy.parseLiteral(bare))
                        .map(kind -> new BlockedAddressException(bare, kind).getMessage());
            } catch (IllegalArgumentException e) {
                return Optional.of("the URL has no valid host");
            }
        }
        return Optional.empty();
    }

    /**
     * The same TLS trust and resolver under another policy: for a kind of outbound call with rules of its own
     * (webhooks may reach loopback on the embedded default, dataset imports may not).
     */
    public SafeHttpClients withPolicy(AddressPolicy otherPolicy, boolean otherAllowPlainHttp) {
        return new SafeHttpClients(otherPolicy, otherAllowPlainHttp, ssl, dns);
    }

    public AddressPolicy policy() {
        return policy;
    }
}
