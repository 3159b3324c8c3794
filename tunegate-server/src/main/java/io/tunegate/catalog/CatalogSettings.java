package io.tunegate.catalog;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.util.List;

/**
 * Where the catalog comes from.
 *
 * @param locations Spring resource locations, read in order; an offer (model + provider) in a later file
 *                  replaces the same offer of an earlier one, and new models or offers are added. The default
 *                  is the catalog shipped in the jar, a copy of {@code config/model-catalog.yml}.
 */
@ConfigurationProperties("tunegate.catalog")
public record CatalogSettings(@DefaultValue("classpath:model-catalog.yml") List<String> locations) {
}
