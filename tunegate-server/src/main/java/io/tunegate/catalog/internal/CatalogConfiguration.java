package io.tunegate.catalog.internal;

import io.tunegate.catalog.CatalogSettings;
import io.tunegate.catalog.ModelCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CatalogConfiguration.class);

    @Bean
    ModelCatalog modelCatalog(CatalogSettings settings, ResourceLoader resources) {
        ModelCatalog catalog = new CatalogLoader().load(
                settings.locations().stream().map(resources::getResource).toList());
        long offers = catalog.models().stream().mapToLong(m -> m.offers().size()).sum();
        log.info("Model catalog {}: {} models, {} offers, from {}", catalog.version(), catalog.models().size(),
                offers, settings.locations());
        return catalog;
    }
}
