package io.tunegate.platform.net;

import io.tunegate.support.FixedDns;
import org.apache.hc.client5.http.DnsResolver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.net.ssl.SSLContext;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which addresses outbound calls may reach, in every form an address can take. No network is used. */
class AddressPolicyTest {

    private final AddressPolicy publicOnly = AddressPolicy.publicOnly();

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.255.255.254", "10.0.0.1", "10.255.255.255", "172.16.0.1",
            "172.31.255.255", "192.168.1.1", "100.64.0.1", "100.127.255.255", "169.254.169.254", "169.254.0.1",
            "0.0.0.0", "0.1.2.3", "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", "192.0.2.10",
            "198.18.0.1", "::1", "::", "fe80::1", "febf::1", "fc00::1", "fd12:3456::1", "ff02::1", "fec0::1",
            "2001:db8::1", "2001::1", "100::1", "64:ff9b:1::1"})
    void privateLoopbackLinkLocalMulticastAndReservedAreRefused(String address) throws Exception {
        assertThat(publicOnly.refusal(null, InetAddress.getByName(address))).as(address).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"8.8.8.8", "1.1.1.1", "93.184.215.14", "172.15.255.255", "172.32.0.1", "100.63.255.255",
            "100.128.0.1", "192.169.0.1", "169.255.0.1", "11.0.0.1", "2606:4700:4700::1111", "2a00:1450::1"})
    void publicAddressesAreAllowed(String address) throws Exception {
        assertThat(publicOnly.refusal(null, InetAddress.getByName(address))).as(address).isEmpty();
    }

    @Test
    void ipv6FormsThatCarryAnIpv4AddressAreJudgedByIt() throws Exception {
        // built from raw bytes: Java would turn the text ::ffff:127.0.0.1 into an IPv4 address by itself
        assertThat(publicOnly.refusal(null, mapped(127, 0, 0, 1))).contains("loopback");
        assertThat(publicOnly.refusal(null, mapped(169, 254, 169, 254))).contains("link-local (cloud metadata)");
        assertThat(publicOnly.refusal(null, mapped(10, 1, 2, 3))).contains("private");
        assertThat(publicOnly.refusal(null, mapped(8, 8, 8, 8))).isEmpty();
        assertThat(publicOnly.refusal(null, v6("::7f00:1"))).as("IPv4-compatible ::127.0.0.1").contains("loopback");
        assertThat(publicOnly.refusal(null, v6("::a9fe:a9fe"))).as("::169.254.169.254").isPresent();
        assertThat(publicOnly.refusal(null, v6("64:ff9b::a9fe:a9fe"))).as("NAT64 of the metadata address").isPresent();
        assertThat(publicOnly.refusal(null, v6("64:ff9b::808:808"))).as("NAT64 of 8.8.8.8").isEmpty();
        assertThat(publicOnly.refusal(null, v6("2002:7f00:1::1"))).as("6to4 of 127.0.0.1").contains("loopback");
        assertThat(publicOnly.refusal(null, v6("2002:0a00:0001::1"))).as("6to4 of 10.0.0.1").contains("private");
        assertThat(publicOnly.refusal(null, v6("2002:0808:0808::1"))).as("6to4 of 8.8.8.8").isEmpty();
        assertThat(publicOnly.refusal(null, InetAddress.getByName("::ffff:127.0.0.1"))).contains("loopback");
    }

    @Test
    void exceptionsAllowNetworksAddressesAndHostNamesOnly() throws Exception {
        AddressPolicy policy = AddressPolicy.allowing(List.of("127.0.0.1", " fd00::/8 ", "Minio.Internal", "",
                "::ffff:192.168.10.0/120"));
        assertThat(policy.refusal(null, InetAddress.getByName("127.0.0.1"))).isEmpty();
        assertThat(policy.refusal(null, mapped(127, 0, 0, 1))).isEmpty();
        assertThat(policy.refusal(null, InetAddress.getByName("127.0.0.2"))).contains("loopback");
        assertThat(policy.refusal(null, InetAddress.getByName("fd00::5"))).isEmpty();
        assertThat(policy.refusal(null, InetAddress.getByName("fc00::5"))).isPresent();
        assertThat(policy.refusal(null, InetAddress.getByName("192.168.10.7"))).isEmpty();
        assertThat(policy.refusal(null, InetAddress.getByName("192.168.11.7"))).isPresent();
        assertThat(policy.refusal("minio.internal", InetAddress.getByName("10.0.0.5"))).isEmpty();
        assertThat(policy.refusal("other.internal", InetAddress.getByName("10.0.0.5"))).isPresent();
        assertThat(policy.refusal(null, InetAddress.getByName("169.254.169.254"))).isPresent();
    }

    @Test
    void badExceptionsAreRejectedAtStartup() {
        assertThatThrownBy(() -> AddressPolicy.allowing(List.of("10.0.0.0/33"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressPolicy.allowing(List.of("10.0.0.0/x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressPolicy.allowing(List.of("not a host!"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AddressPolicy.allowing(List.of("fd00::zz/8"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theResolverHandsOutOnlyAllowedAddresses() throws Exception {
        DnsResolver dns = new FixedDns(Map.of(
                "mixed.test", List.of("127.0.0.1", "93.184.215.14"),
                "metadata.test", List.of("169.254.169.254"),
                "rebound.test", List.of("10.0.0.7", "192.168.0.7"),
                "mapped.test", List.of("::ffff:127.0.0.1")));
        PolicyDnsResolver resolver = new PolicyDnsResolver(publicOnly, dns);

        assertThat(resolver.resolve("mixed.test")).containsExactly(InetAddress.getByName("93.184.215.14"));
        assertThat(resolver.resolve("mixed.test", 443)).hasSize(1).first()
                .satisfies(a -> assertThat(a.getPort()).isEqualTo(443));
        assertThatThrownBy(() -> resolver.resolve("metadata.test")).isInstanceOf(BlockedAddressException.class)
                .hasMessageContaining("metadata.test").hasMessageContaining("link-local");
        assertThatThrownBy(() -> resolver.resolve("rebound.test", 443)).isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> resolver.resolve("mapped.test")).isInstanceOf(BlockedAddressException.class);
        assertThatThrownBy(() -> resolver.resolve("nowhere.test")).isInstanceOf(UnknownHostException.class)
                .isNotInstanceOf(BlockedAddressException.class);
    }

    @Test
    void targetsAreCheckedBeforeConnecting() throws Exception {
        SafeHttpClients https = new SafeHttpClients(publicOnly, false, SSLContext.getDefault(), new FixedDns(Map.of()));
        assertThat(https.checkTarget(URI.create("https://example.com/data.jsonl?sig=1"))).isEmpty();
        assertThat(https.checkTarget(URI.create("http://example.com/data.jsonl"))).get().asString().contains("https://");
        assertThat(https.checkTarget(URI.create("ftp://example.com/data.jsonl"))).isPresent();
        assertThat(https.checkTarget(URI.create("https://user:secret@example.com/x"))).get().asString()
                .contains("credentials").doesNotContain("secret");
        assertThat(https.checkTarget(URI.create("https://10.0.0.1/x"))).get().asString().contains("private");
        assertThat(https.checkTarget(URI.create("https://169.254.169.254/latest/meta-data/"))).isPresent();
        assertThat(https.checkTarget(URI.create("https://[::1]:8443/x"))).get().asString().contains("loopback");
        assertThat(https.checkTarget(URI.create("https://[::ffff:a9fe:a9fe]/x"))).isPresent();
        assertThat(https.checkTarget(URI.create("https://[fd00::1]/x"))).isPresent();
        assertThat(https.checkTarget(URI.create("https://8.8.8.8/x"))).isEmpty();

        SafeHttpClients plain = new SafeHttpClients(publicOnly, true, SSLContext.getDefault(), new FixedDns(Map.of()));
        assertThat(plain.checkTarget(URI.create("http://example.com/data.jsonl"))).isEmpty();
        assertThat(plain.checkTarget(URI.create("http://127.0.0.1/data.jsonl"))).isPresent();
    }

    private static InetAddress mapped(int a, int b, int c, int d) throws UnknownHostException {
        InetAddress address = FixedDns.mapped(new byte[]{(byte) a, (byte) b, (byte) c, (byte) d});
        assertThat(address).isInstanceOf(Inet6Address.class);
        return address;
    }

    private static InetAddress v6(String literal) throws UnknownHostException {
        InetAddress address = Inet6Address.getByAddress(null, InetAddress.getByName(literal).getAddress(), 0);
        assertThat(address).isInstanceOf(Inet6Address.class);
        return address;
    }
}
