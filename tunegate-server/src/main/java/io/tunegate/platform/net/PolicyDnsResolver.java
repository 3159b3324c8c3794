package io.tunegate.platform.net;

import org.apache.hc.client5.http.DnsResolver;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Resolves a host and keeps only the addresses the policy allows. HttpClient connects to exactly what this
 * returns, so the check is made on the address actually connected to: a name that resolves to a public
 * address when checked and to a private one when used (DNS rebinding) cannot slip through.
 */
public final class PolicyDnsResolver implements DnsResolver {

    private final AddressPolicy policy;
    private final DnsResolver delegate;

    public PolicyDnsResolver(AddressPolicy policy, DnsResolver delegate) {
        this.policy = policy;
        this.delegate = delegate;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        List<InetAddress> allowed = new ArrayList<>();
        String refusal = null;
        for (InetAddress address : delegate.resolve(host)) {
            Optional<String> why = policy.refusal(host, address);
            if (why.isEmpty()) {
                allowed.add(address);
            } else if (refusal == null) {
                refusal = why.get();
            }
        }
        if (allowed.isEmpty()) {
            throw refusal != null ? new BlockedAddressException(host, refusal) : new UnknownHostException(host);
        }
        return allowed.toArray(InetAddress[]::new);
    }

    @Override
    public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
        return Arrays.stream(resolve(host)).map(a -> new InetSocketAddress(a, port)).toList();
    }

    @Override
    public String resolveCanonicalHostname(String host) throws UnknownHostException {
        return delegate.resolveCanonicalHostname(host);
    }
}
