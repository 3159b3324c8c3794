package io.tunegate.dataset.s3;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

import java.time.Duration;

/**
 * The one S3 client, built on first use: a gateway that never touches S3 never resolves a region or
 * credentials (which may mean asking the instance metadata service).
 */
public final class S3Clients implements AutoCloseable {

    private final S3Settings settings;
    private S3Client client;

    public S3Clients(S3Settings settings) {
        this.settings = settings;
    }

    public synchronized S3Client get() {
        if (client == null) {
            client = build(settings);
        }
        return client;
    }

    static S3Client build(S3Settings settings) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(10))
                        .socketTimeout(Duration.ofSeconds(60)))
                .credentialsProvider(DefaultCredentialsProvider.builder().build())
                .region(region(settings))
                .forcePathStyle(settings.pathStyleAccess());
        if (settings.endpoint() != null) {
            // S3-compatible stores vary in their support of the SDK's default flexible checksums
            builder.endpointOverride(settings.endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        } else {
            builder.crossRegionAccessEnabled(true);
        }
        return builder.build();
    }

    private static Region region(S3Settings settings) {
        if (settings.region() != null && !settings.region().isBlank()) {
            return Region.of(settings.region().strip());
        }
        if (settings.endpoint() == null) {
            try {
                return DefaultAwsRegionProviderChain.builder().build().getRegion();
            } catch (SdkClientException none) {
                // no region configured anywhere: cross-region access finds each bucket's own region
            }
        }
        return Region.US_EAST_1;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
    }
}
