package io.tunegate.provider.bedrock;

import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.TransientProviderException;
import io.tunegate.dataset.ExportedDataset;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

import java.time.Duration;
import java.util.Optional;

/**
 * Puts exported datasets into the staging bucket, named by content ({@code <prefix>/<sha256>.jsonl}), so staging
 * the same bytes again finds the object and uploads nothing. Its own S3 client (the dataset module's belongs to
 * that module and uses only the default credential chain): the same credentials and region as the control plane.
 * SDK retries are off: the gateway's resilience layer retries transient failures once, for every provider alike.
 */
final class BedrockStaging implements AutoCloseable {

    private final S3Client s3;
    private final S3Location staging;

    BedrockStaging(S3Client s3, S3Location staging) {
        this.s3 = s3;
        this.staging = staging;
    }

    static S3Client client(BedrockSettings settings, AwsCredentialsProvider credentials, Duration callTimeout) {
        S3ClientBuilder builder = S3Client.builder()
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(settings.connectTimeout())
                        .socketTimeout(Duration.ofSeconds(60)))
                .credentialsProvider(credentials)
                .region(Region.of(settings.region().strip()))
                .forcePathStyle(settings.pathStyle())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
                        .apiCallTimeout(callTimeout));
        if (settings.s3Endpoint() != null) {
            // S3-compatible stores vary in their support of the SDK's default flexible checksums
            builder.endpointOverride(settings.s3Endpoint())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    /** Uploads the file unless an object of the same name and size is there already; returns its s3:// URI. */
    String put(String provider, ExportedDataset data) {
        String name = data.sha256() + ".jsonl";
        String key = staging.key(name);
        try {
            if (existing(key).filter(head -> head.contentLength() != null && head.contentLength() == data.bytes())
                    .isEmpty()) {
                s3.putObject(b -> b.bucket(staging.bucket()).key(key).contentType("application/jsonl")
                        .contentLength(data.bytes()), RequestBody.fromFile(data.file()));
            }
            return staging.uri(name);
        } catch (SdkException e) {
            throw failure(provider, "put " + staging.uri(name), e);
        }
    }

    private Optional<HeadObjectResponse> existing(String key) {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(staging.bucket()).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                // HEAD answers carry no error code: a missing bucket also looks like this, and the PUT will say so
                return Optional.empty();
            }
            throw e;
        }
    }

    static RuntimeException failure(String provider, String what, SdkException e) {
        if (e instanceof S3Exception s3e) {
            int status = s3e.statusCode();
            String code = s3e.awsErrorDetails() != null && s3e.awsErrorDetails().errorCode() != null
                    ? s3e.awsErrorDetails().errorCode() : "http_" + status;
            String message = "S3 refused to " + what + ": HTTP " + status + " " + code
                    + (s3e.awsErrorDetails() != null && s3e.awsErrorDetails().errorMessage() != null
                    ? " (" + s3e.awsErrorDetails().errorMessage() + ")" : "");
            if (status == 408 || status == 429 || status >= 500) {
                return new TransientProviderException(provider, message, null, e);
            }
            return new PermanentProviderException(provider, code, message, e);
        }
        if (e instanceof SdkClientException && !e.retryable() && e.getMessage() != null
                && e.getMessage().contains("credentials")) {
            return new PermanentProviderException(provider, "aws_credentials",
                    "AWS credentials for S3 staging could not be resolved: " + e.getMessage(), e);
        }
        return new TransientProviderException(provider, "Could not " + what + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + e.getMessage()), null, e);
    }

    @Override
    public void close() {
        s3.close();
    }
}
