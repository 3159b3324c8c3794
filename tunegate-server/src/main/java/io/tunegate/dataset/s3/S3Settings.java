package io.tunegate.dataset.s3;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.net.URI;

/**
 * How Tunegate reaches S3, for {@code s3://} imports and for S3 storage alike. Credentials come from the AWS
 * default chain (environment, system properties, profile files, web identity, container or instance role).
 *
 * @param region          the region to sign for; empty: the AWS default chain (AWS_REGION, profile), else us-east-1.
 *                        Without an endpoint, buckets in other regions are reached as well.
 * @param endpoint        an S3-compatible store (MinIO, Ceph, ...); empty for AWS
 * @param pathStyleAccess {@code http://host/bucket/key} instead of {@code http://bucket.host/key}, as most
 *                        S3-compatible stores need
 */
@ConfigurationProperties("tunegate.datasets.s3")
public record S3Settings(String region, URI endpoint, @DefaultValue("false") boolean pathStyleAccess) {
}
