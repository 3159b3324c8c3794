package io.tunegate.provider.bedrock;

import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.http.RequestAuth;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Signs control-plane requests with AWS Signature Version 4 (signing name {@code bedrock}) using the AWS SDK's
 * signer, so the canonicalisation (double-encoded path, signed payload hash) is the SDK's own. Only the headers
 * the signer adds are copied onto the request; {@code Host} is left to the HTTP client, which writes the same
 * value (host, plus the port when it is not the scheme's default).
 */
final class SigV4Auth implements RequestAuth {

    static final String SIGNING_NAME = "bedrock";
    /** Headers java.net.http sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("host", "content-length", "connection", "expect", "upgrade");

    private final String provider;
    private final AwsCredentialsProvider credentials;
    private final String region;
    private final Clock clock;
    private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

    SigV4Auth(String provider, AwsCredentialsProvider credentials, String region, Clock clock) {
        this.provider = provider;
        this.credentials = credentials;
        this.region = region;
        this.clock = clock;
    }

    @Override
    public void apply(HttpRequest.Builder request, String method, URI uri, String contentType, byte[] body) {
        SdkHttpRequest.Builder unsigned = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .protocol(uri.getScheme())
                .host(uri.getHost())
                .encodedPath(uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath());
        if (uri.getPort() != -1) {
            unsigned.port(uri.getPort());
        }
        if (uri.getRawQuery() != null) {
            queryParameters(uri.getRawQuery()).forEach(p -> unsigned.appendRawQueryParameter(p[0], p[1]));
        }
        if (contentType != null) {
            unsigned.putHeader("Content-Type", contentType);
        }
        AwsCredentialsIdentity identity = identity();
        byte[] payload = body == null ? new byte[0] : body;
        SignedRequest signed = signer.sign(r -> r.identity(identity)
                .request(unsigned.build())
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, SIGNING_NAME)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK, clock));
        for (Map.Entry<String, List<String>> header : signed.request().headers().entrySet()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (RESTRICTED.contains(name) || name.equals("content-type")) {
                continue;
            }
            header.getValue().forEach(value -> request.header(header.getKey(), value));
        }
    }

    private AwsCredentialsIdentity identity() {
        try {
            return credentials.resolveCredentials();
        } catch (SdkClientException e) {
            // the default chain found nothing (a configuration problem) or a credential endpoint failed (may pass)
            if (e.retryable()) {
                throw new TransientProviderException(provider, "AWS credentials could not be resolved: "
                        + e.getMessage(), null, null);
            }
            throw new PermanentProviderException(provider, "aws_credentials",
                    "AWS credentials could not be resolved: " + e.getMessage());
        }
    }

    /** Raw (still encoded) name/value pairs; the SDK re-encodes for the canonical query string. */
    private static List<String[]> queryParameters(String rawQuery) {
        return rawQuery.isEmpty() ? List.of() : java.util.Arrays.stream(rawQuery.split("&"))
                .map(p -> {
                    int eq = p.indexOf('=');
                    String name = eq < 0 ? p : p.substring(0, eq);
                    String value = eq < 0 ? "" : p.substring(eq + 1);
                    return new String[] {decode(name), decode(value)};
                }).toList();
    }

    private static String decode(String s) {
        return java.net.URLDecoder.decode(s, java.nio.charset.StandardCharsets.UTF_8);
    }
}
