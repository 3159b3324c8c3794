package io.tunegate.provider.bedrock;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import java.time.Duration;

/**
 * What both Bedrock adapters share: the AWS credentials (static keys from the settings, else the default chain,
 * resolved on first use) and the staging bucket's S3 client.
 */
final class BedrockAws implements AutoCloseable {

    private final AwsCredentialsProvider credentials;
    private final BedrockStaging staging;

    BedrockAws(BedrockSettings settings, Duration uploadTimeout) {
        this.credentials = credentials(settings);
        this.staging = new BedrockStaging(BedrockStaging.client(settings, credentials, uploadTimeout),
                settings.staging());
    }

    static AwsCredentialsProvider credentials(BedrockSettings settings) {
        if (!settings.hasStaticKeys()) {
            return DefaultCredentialsProvider.builder().build();
        }
        String key = settings.accessKeyId().strip();
        String secret = settings.secretAccessKey().strip();
        return StaticCredentialsProvider.create(BedrockSettings.isBlank(settings.sessionToken())
                ? AwsBasicCredentials.create(key, secret)
                : AwsSessionCredentials.create(key, secret, settings.sessionToken().strip()));
    }

    AwsCredentialsProvider credentials() {
        return credentials;
    }

    BedrockStaging staging() {
        return staging;
    }

    @Override
    public void close() {
        staging.close();
        if (credentials instanceof SdkAutoCloseable closeable) {
            closeable.close();
        }
    }
}
