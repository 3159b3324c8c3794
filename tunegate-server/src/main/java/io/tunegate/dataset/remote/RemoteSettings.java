package io.tunegate.dataset.remote;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

import java.time.Duration;

/**
 * Importing {@code s3://} and {@code https://} datasets.
 *
 * @param maxBytes       the largest file imported; empty: {@code tunegate.datasets.max-upload-size}
 * @param connectTimeout how long an https:// connection may take to open
 * @param readTimeout    how long an https:// server may stay silent (before answering, or between two reads)
 * @param maxRedirects   redirects followed, each to an address checked again
 */
@ConfigurationProperties("tunegate.datasets.remote")
public record RemoteSettings(DataSize maxBytes, @DefaultValue("10s") Duration connectTimeout,
                             @DefaultValue("60s") Duration readTimeout, @DefaultValue("3") int maxRedirects) {
}
