package io.tunegate.provider.bedrock;

import io.tunegate.dataset.DatasetExports;
import io.tunegate.provider.resilience.ProviderPolicy;
import io.tunegate.support.S3TestServer;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

/** Bedrock adapters for tests: control plane at a WireMock URL, staging in the S3 test server. */
final class BedrockTesting {

    static final String REGION = "us-west-2";
    static final String BUCKET = "tunegate-bedrock";
    static final String ROLE = "arn:aws:iam::123456789012:role/tunegate-bedrock";

    private BedrockTesting() {
    }

    static BedrockSettings settings(String baseUrl) {
        return settings(baseUrl, S3TestServer.ACCESS_KEY, S3TestServer.SECRET_KEY, null, null);
    }

    static BedrockSettings settings(String baseUrl, String key, String secret, String sessionToken, String apiKey) {
        S3TestServer s3 = S3TestServer.shared().bucket(BUCKET);
        return new BedrockSettings(REGION, URI.create(baseUrl), ROLE, "s3://" + BUCKET + "/staging/", null, key,
                secret, sessionToken, apiKey, s3.endpoint(), true, Duration.ofSeconds(30), Duration.ofSeconds(2));
    }

    /** An adapter and the AWS clients it holds (close them). */
    record Built(BedrockAdapter adapter, BedrockAws aws) implements AutoCloseable {
        @Override
        public void close() {
            aws.close();
        }
    }

    static Built build(String id, BedrockSettings settings, DatasetExports exports, ProviderPolicy policy,
                       Clock clock) {
        BedrockAws aws = new BedrockAws(settings, policy.uploadTimeout());
        return new Built(BedrockConfiguration.adapter(id, settings, aws, policy, exports, clock), aws);
    }
}
