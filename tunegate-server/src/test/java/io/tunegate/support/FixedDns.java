package io.tunegate.support;

import io.tunegate.platform.net.AddressPolicy;
import org.apache.hc.client5.http.DnsResolver;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

/**
 * A resolver with fixed answers, so tests can make a name resolve to any address without asking DNS.
 * {@code ::ffff:a.b.c.d} answers stay IPv6 (as a DNS AAAA record would give them); IP literals resolve to themselves.
 */
public final class FixedDns implements DnsResolver {

    private final Map<String, List<String>> answers;

    public FixedDns(Map<String, List<String>> answers) {
        this.answers = answers;
    }

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (AddressPolicy.isIpLiteral(host)) {
            return new InetAddress[]{AddressPolicy.parseLiteral(host)};
        }
        List<String> addresses = answers.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host);
        }
        InetAddress[] result = new InetAddress[addresses.size()];
        for (int i = 0; i < result.length; i++) {
            String a = addresses.get(i);
            result[i] = a.startsWith("::ffff:") ? mapped(AddressPolicy.parseLiteral(a.substring(7)).getAddress())
                    : AddressPolicy.parseLiteral(a);
        }
        return result;
    }

    @Override
    public String resolveCanonicalHostname(String host) {
        return host;
    }

    /** {@code ::ffff:a.b.c.d} as an IPv6 address (Java's parser would turn the text into IPv4). */
    public static InetAddress mapped(byte[] v4) throws UnknownHostException {
        byte[] raw = new byte[16];
        raw[10] = (byte) 0xff;
        raw[11] = (byte) 0xff;
        System.arraycopy(v4, 0, raw, 12, 4);
        return Inet6Address.getByAddress(null, raw, 0);
    }
}
