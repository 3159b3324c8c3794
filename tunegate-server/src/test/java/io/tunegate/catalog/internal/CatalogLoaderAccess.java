package io.tunegate.catalog.internal;

import io.tunegate.catalog.ModelCatalog;
import org.springframework.core.io.Resource;

import java.util.List;

/** Lets tests in other packages load catalogs without making the loader public. */
public final class CatalogLoaderAccess {

    private CatalogLoaderAccess() {
    }

    public static ModelCatalog load(List<Resource> resources) {
        return new CatalogLoader().load(resources);
    }
}
