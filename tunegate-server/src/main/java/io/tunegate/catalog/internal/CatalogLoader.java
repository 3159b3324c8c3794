package io.tunegate.catalog.internal;

import io.tunegate.catalog.CatalogModel;
import io.tunegate.catalog.EpochRule;
import io.tunegate.catalog.ModelCatalog;
import io.tunegate.catalog.Offer;
import io.tunegate.catalog.TokenFamily;
import org.springframework.core.io.Resource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads catalog files in order and merges them offer by offer. Anything wrong (unknown key, missing price,
 * epochs out of bounds, unknown token family) stops start-up with the file and entry named: a gateway must
 * not quote from a half-read price list.
 */
final class CatalogLoader {

    private static final Set<String> ROLES = Set.of("system", "user", "assistant", "tool", "function", "developer");

    private final YAMLMapper yaml = YAMLMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    ModelCatalog load(List<Resource> resources) {
        String version = null;
        Map<String, TokenFamily> families = new LinkedHashMap<>();
        Map<String, String> modelFamilies = new LinkedHashMap<>();
        Map<String, Map<String, Offer>> offers = new LinkedHashMap<>();
        for (Resource resource : resources) {
            CatalogFile file = read(resource);
            String where = resource.getDescription();
            if (file.catalogVersion() != null) {
                version = file.catalogVersion();
            }
            if (file.tokenFamilies() != null) {
                file.tokenFamilies().forEach((name, f) -> families.put(name, family(where, name, f)));
            }
            if (file.models() == null) {
                continue;
            }
            file.models().forEach((model, entry) -> {
                if (entry.tokenFamily() != null) {
                    modelFamilies.put(model, entry.tokenFamily());
                }
                var modelOffers = offers.computeIfAbsent(model, m -> new LinkedHashMap<>());
                if (entry.offers() != null) {
                    entry.offers().forEach((provider, o) -> modelOffers.put(provider, offer(where, model, provider, o)));
                }
            });
        }
        List<CatalogModel> models = new ArrayList<>();
        Set<String> names = new HashSet<>();
        offers.forEach((model, modelOffers) -> {
            String familyName = modelFamilies.get(model);
            TokenFamily family = families.get(familyName);
            if (family == null) {
                throw new IllegalStateException("Model catalog: model " + model + " names token family '"
                        + familyName + "', which no catalog file defines (known: " + families.keySet() + ")");
            }
            if (!names.add(model.toLowerCase(Locale.ROOT))) {
                throw new IllegalStateException("Model catalog: model " + model + " is listed twice");
            }
            models.add(new CatalogModel(model, family, modelOffers));
        });
        return new ModelCatalog(version == null ? "unversioned" : version, models);
    }

    private CatalogFile read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            CatalogFile file = yaml.readValue(in, CatalogFile.class);
            if (file == null) {
                throw new IllegalStateException("Model catalog " + resource.getDescription() + " is empty");
            }
            return file;
        } catch (IOException | JacksonException e) {
            throw new IllegalStateException("Model catalog " + resource.getDescription() + " cannot be read: "
                    + e.getMessage(), e);
        }
    }

    private static TokenFamily family(String where, String name, CatalogFile.FamilyEntry f) {
        return checked(where, "token family " + name, () -> new TokenFamily(name, f.encoding(),
                Boolean.TRUE.equals(f.exact()), f.factor() == null ? 1.0 : f.factor()));
    }

    private static Offer offer(String where, String model, String provider, CatalogFile.OfferEntry o) {
        return checked(where, model + "/" + provider, () -> {
            require(o.modelId(), "model_id");
            require(o.epochs(), "epochs");
            require(o.maxTokensPerExample(), "max_tokens_per_example");
            require(o.maxFileBytes(), "max_file_bytes");
            List<String> roles = o.roles() == null ? List.of("system", "user", "assistant") : o.roles();
            for (String role : roles) {
                if (!ROLES.contains(role)) {
                    throw new IllegalArgumentException("unknown role '" + role + "'; roles are " + ROLES);
                }
            }
            return new Offer(model, provider, o.modelId(), o.aliases(), o.pricePerMillionTokens(), o.pricePerHour(),
                    !Boolean.FALSE.equals(o.priceConfirmed()), epochs(o.epochs()), o.maxTokensPerExample(),
                    o.minExamples() == null ? 1 : o.minExamples(), o.maxFileBytes(),
                    Boolean.TRUE.equals(o.validationTokensBilled()), Set.copyOf(roles), o.trainingAvailableFrom(),
                    o.trainingAvailableUntil(), o.retires(), o.notes());
        });
    }

    private static EpochRule epochs(CatalogFile.EpochsEntry e) {
        require(e.min(), "epochs.min");
        require(e.max(), "epochs.max");
        String auto = e.auto() == null ? "openai" : e.auto().strip();
        if (auto.equalsIgnoreCase("openai")) {
            return new EpochRule(e.min(), e.max(), null);
        }
        try {
            return new EpochRule(e.min(), e.max(), Integer.parseInt(auto));
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("epochs.auto must be \"openai\" or a number, not '" + auto + "'");
        }
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw new IllegalArgumentException(field + " is required");
        }
    }

    private static <T> T checked(String where, String entry, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalStateException("Model catalog " + where + ", " + entry + ": " + e.getMessage(), e);
        }
    }
}
