package io.tunegate.dataset.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dataset storage in S3 instead of the local data directory. The connection (region, endpoint, path-style
 * access) is {@code tunegate.datasets.s3}.
 *
 * @param bucket an existing bucket; set, it switches dataset storage to S3
 * @param prefix prepended to every object key ({@code <prefix>sha256/ab/ab12....jsonl}, {@code <prefix>staging/})
 */
@ConfigurationProperties("tunegate.datasets.storage.s3")
public record S3StorageSettings(String bucket, @DefaultValue("datasets/") String prefix) {

    public boolean enabled() {
        return bucket != null && !bucket.isBlank();
    }
}
