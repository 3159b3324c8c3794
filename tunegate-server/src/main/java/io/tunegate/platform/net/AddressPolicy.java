package io.tunegate.platform.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which addresses outbound calls to user-given URLs may connect to: public unicast addresses only, so a
 * dataset URL (or a webhook) cannot make the gateway reach its own host, its network or the cloud metadata
 * service. An operator may allow private networks (CIDRs) or host names explicitly.
 *
 * <p>IPv6 forms that carry an IPv4 address (mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d},
 * NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) are judged by the IPv4 address they reach.
 */
public final class AddressPolicy {

    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

    private static final List<Block> DENIED = List.of(
            Block.parse("0.0.0.0/8", "unspecified"),
            Block.parse("10.0.0.0/8", "private"),
            Block.parse("100.64.0.0/10", "shared (carrier-grade NAT)"),
            Block.parse("127.0.0.0/8", "loopback"),
            Block.parse("169.254.0.0/16", "link-local (cloud metadata)"),
            Block.parse("172.16.0.0/12", "private"),
            Block.parse("192.0.0.0/24", "reserved"),
            Block.parse("192.0.2.0/24", "reserved"),
            Block.parse("192.88.99.0/24", "reserved"),
            Block.parse("192.168.0.0/16", "private"),
            Block.parse("198.18.0.0/15", "reserved"),
            Block.parse("198.51.100.0/24", "reserved"),
            Block.parse("203.0.113.0/24", "reserved"),
            Block.parse("224.0.0.0/4", "multicast"),
            Block.parse("240.0.0.0/4", "reserved"),
            Block.parse("::/128", "unspecified"),
            Block.parse("::1/128", "loopback"),
            Block.parse("100::/64", "reserved"),
            // IETF assignments, Teredo (2001::/32) among them: its IPv4 part is obfuscated, so none of it
            Block.parse("2001::/23", "reserved"),
            Block.parse("2001:db8::/32", "reserved"),
            Block.parse("64:ff9b:1::/48", "private"),
            Block.parse("fc00::/7", "private (unique local)"),
            Block.parse("fe80::/10", "link-local"),
            Block.parse("fec0::/10", "private (site-local)"),
            Block.parse("ff00::/8", "multicast"));

    private static final AddressPolicy PUBLIC_ONLY = new AddressPolicy(List.of(), Set.of());

    private final List<Block> allowedNetworks;
    private final Set<String> allowedHosts;

    private AddressPolicy(List<Block> allowedNetworks, Set<String> allowedHosts) {
        this.allowedNetworks = allowedNetworks;
        this.allowedHosts = allowedHosts;
    }

    /** Public addresses only. */
    public static AddressPolicy publicOnly() {
        return PUBLIC_ONLY;
    }

    /**
     * Public addresses plus the given exceptions: CIDRs ({@code 10.1.0.0/16}, {@code fd00::/8}), single
     * addresses ({@code 127.0.0.1}) or host names ({@code minio.internal}, any address it resolves to).
     *
     * @throws IllegalArgumentException for an entry that is none of these
     */
    public static AddressPolicy allowing(List<String> exceptions) {
        List<Block> networks = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String raw : exceptions) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            if (entry.contains("/") || isIpLiteral(entry)) {
                networks.add(Block.parse(entry.contains("/") ? entry : entry + (entry.contains(":") ? "/128" : "/32"),
                        "allowed"));
            } else if (entry.matches("[A-Za-z0-9.-]+")) {
                hosts.add(entry.toLowerCase(Locale.ROOT));
            } else {
                throw new IllegalArgumentException("not a CIDR, an IP address or a host name: " + entry);
            }
        }
        return new AddressPolicy(List.copyOf(networks), Set.copyOf(hosts));
    }

    /** Why a connection to {@code address} (reached by the name {@code host}) is refused; empty if allowed. */
    public Optional<String> refusal(String host, InetAddress address) {
        if (host != null && allowedHosts.contains(host.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        byte[] raw = address.getAddress();
        byte[] reached = embeddedIpv4(raw);
        if (matches(allowedNetworks, raw) != null || (reached != null && matches(allowedNetworks, reached) != null)) {
            return Optional.empty();
        }
        Block denied = matches(DENIED, raw);
        if (denied == null && reached != null) {
            denied = matches(DENIED, reached);
        }
        return Optional.ofNullable(denied).map(Block::kind);
    }

    /** Is {@code host} written as an IP address rather than a name? (Never resolves anything.) */
    public static boolean isIpLiteral(String host) {
        return IPV4.matcher(host).matches() || host.contains(":");
    }

    /** Parses an IP literal without any DNS lookup; brackets around IPv6 are allowed. */
    public static InetAddress parseLiteral(String literal) {
        String bare = literal.startsWith("[") && literal.endsWith("]") ? literal.substring(1, literal.length() - 1) : literal;
        if (!isIpLiteral(bare)) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
        try {
            // a literal of the right shape: getByName parses it and never asks DNS
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal);
        }
    }

    /** The IPv4 address an IPv6 address stands for, if it is one of the forms that embed one. */
    static byte[] embeddedIpv4(byte[] a) {
        if (a.length != 16) {
            return null;
        }
        boolean zeros80 = allZero(a, 0, 10);
        if (zeros80 && a[10] == (byte) 0xff && a[11] == (byte) 0xff) {
            return Arrays.copyOfRange(a, 12, 16);                       // ::ffff:a.b.c.d (mapped)
        }
        if (zeros80 && a[10] == 0 && a[11] == 0 && !allZero(a, 12, 15)) {
            return Arrays.copyOfRange(a, 12, 16);                       // ::a.b.c.d (compatible, deprecated)
        }
        if (a[0] == 0 && a[1] == 0x64 && a[2] == (byte) 0xff && a[3] == (byte) 0x9b && allZero(a, 4, 12)) {
            return Arrays.copyOfRange(a, 12, 16);                       // 64:ff9b::a.b.c.d (NAT64)
        }
        if (a[0] == 0x20 && a[1] == 0x02) {
            return Arrays.copyOfRange(a, 2, 6);                         // 2002:AABB:CCDD::/48 (6to4)
        }
        return null;
    }

    private static boolean allZero(byte[] a, int from, int to) {
        for (int i = from; i < to; i++) {
            if (a[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Block matches(List<Block> blocks, byte[] address) {
        for (Block block : blocks) {
            if (block.contains(address)) {
                return block;
            }
        }
        return null;
    }

    /** A CIDR block and what kind of network it is. */
    record Block(byte[] network, int prefix, String kind) {

        static Block parse(String cidr, String kind) {
            int slash = cidr.indexOf('/');
            InetAddress address = parseLiteral(cidr.substring(0, slash));
            int prefix;
            try {
                prefix = Integer.parseInt(cidr.substring(slash + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CIDR: " + cidr);
            }
            byte[] network = address.getAddress();
            if (network.length == 4 && cidr.contains(":")) {
                prefix -= 96; // Java reads ::ffff:10.0.0.0 as 10.0.0.0, so ::ffff:10.0.0.0/104 is 10.0.0.0/8
            }
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("not a CIDR: " + cidr);
            }
            return new Block(network, prefix, kind);
        }

        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xff << (8 - rest)) & 0xff;
            return (address[full] & mask) == (network[full] & mask);
        }
    }
}
