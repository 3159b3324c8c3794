package io.tunegate.platform.net;

import java.net.UnknownHostException;

/**
 * A host that resolves only to addresses the {@link AddressPolicy} refuses. An {@link UnknownHostException}
 * because HttpClient's resolver may throw no other; it is a refusal, not a network error, and retrying
 * does not help. The message names the host and the kind of network, never a URL.
 */
public class BlockedAddressException extends UnknownHostException {

    public BlockedAddressException(String host, String kind) {
        super(host + " resolves to a " + kind + " address, which Tunegate does not connect to"
                + " (tunegate.net.allowed-private-networks lists the exceptions)");
    }
}
