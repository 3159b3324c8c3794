package io.tunegate.dataset.internal;

import io.tunegate.dataset.DatasetSettings;
import io.tunegate.dataset.storage.ContentStore;
import io.tunegate.dataset.storage.LocalContentStore;
import io.tunegate.platform.TunegateSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

@Configuration(proxyBeanMethods = false)
class DatasetConfiguration {

    @Bean
    ContentStore contentStore(TunegateSettings settings) throws IOException {
        return new LocalContentStore(settings.dataDir().resolve("datasets").toAbsolutePath());
    }

    /** Token counting is CPU work: platform threads, one per core, shared by all uploads. */
    @Bean(destroyMethod = "shutdown")
    ExecutorService datasetAnalysisWorkers(DatasetSettings settings) {
        int threads = settings.analysisThreads() > 0 ? settings.analysisThreads()
                : Runtime.getRuntime().availableProcessors();
        return Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("dataset-analysis-", 0).daemon().factory());
    }
}
