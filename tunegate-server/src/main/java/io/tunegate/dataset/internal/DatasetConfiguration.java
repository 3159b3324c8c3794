package io.tunegate.dataset.internal;

import io.tunegate.dataset.DatasetSettings;
import io.tunegate.dataset.remote.RemoteSettings;
import io.tunegate.dataset.s3.S3Clients;
import io.tunegate.dataset.s3.S3Settings;
import io.tunegate.dataset.storage.ContentStore;
import io.tunegate.dataset.storage.LocalContentStore;
import io.tunegate.dataset.storage.S3ContentStore;
import io.tunegate.dataset.storage.S3StorageSettings;
import io.tunegate.platform.TunegateSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

@Configuration(proxyBeanMethods = false)
class DatasetConfiguration {

    /** An S3 bucket when one is configured, else files under the data directory. */
    @Bean
    ContentStore contentStore(TunegateSettings settings, S3StorageSettings s3Storage, S3Clients s3,
                              DatasetSettings datasets, RemoteSettings remote) throws IOException {
        if (s3Storage.enabled()) {
            long largest = Math.max(datasets.maxUploadSize().toBytes(),
                    remote.maxBytes() == null ? 0 : remote.maxBytes().toBytes());
            S3ContentStore store = new S3ContentStore(s3.get(), s3Storage.bucket(), s3Storage.prefix(), largest);
            store.checkBucket();
            return store;
        }
        return new LocalContentStore(settings.dataDir().resolve("datasets").toAbsolutePath());
    }

    @Bean
    S3Clients s3Clients(S3Settings settings) {
        return new S3Clients(settings);
    }

    /** Token counting is CPU work: platform threads, one per core, shared by all uploads. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService datasetAnalysisWorkers(DatasetSettings settings) {
        int threads = settings.analysisThreads() > 0 ? settings.analysisThreads()
                : Runtime.getRuntime().availableProcessors();
        return Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("dataset-analysis-", 0).daemon().factory());
    }
}
