package io.tunegate.support;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Command-line settings for a gateway started by hand that reads remote data: a fresh data dir, the
 * in-process S3 server (path-style), loopback allowed past the outbound address policy, and the loopback
 * TLS server's certificate trusted.
 */
public final class RemoteSourceArgs {

    private RemoteSourceArgs() {
    }

    public static String[] with(S3TestServer s3, String... extra) {
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--tunegate.data-dir=target/test-data/" + UUID.randomUUID(),
                "--tunegate.datasets.s3.endpoint=" + s3.endpoint(),
                "--tunegate.datasets.s3.region=us-east-1",
                "--tunegate.datasets.s3.path-style-access=true",
                "--tunegate.net.allowed-private-networks=127.0.0.1",
                "--tunegate.net.ssl-bundle=test-server",
                "--spring.ssl.bundle.pem.test-server.truststore.certificate=" + TestHttpsServer.CERTIFICATE));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }
}
