package io.tunegate.dataset;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxUploadSize  the largest dataset accepted
 * @param analysisThreads threads that parse and count tokens (0: one per core)
 */
@ConfigurationProperties("tunegate.datasets")
public record DatasetSettings(@DefaultValue("5GB") DataSize maxUploadSize, @DefaultValue("0") int analysisThreads) {
}
