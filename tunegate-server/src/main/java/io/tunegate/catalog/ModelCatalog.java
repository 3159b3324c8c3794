package io.tunegate.catalog;

import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/** The loaded catalog: look up a base model by any of its names. */
public final class ModelCatalog {

    private final String version;
    private final List<CatalogModel> models;
    private final SortedSet<Integer> perExampleLimits = new TreeSet<>();

    public ModelCatalog(String version, List<CatalogModel> models) {
        this.version = version;
        this.models = List.copyOf(models);
        this.models.forEach(m -> m.offers().values().forEach(o -> perExampleLimits.add(o.maxTokensPerExample())));
    }

    public String version() {
        return version;
    }

    public List<CatalogModel> models() {
        return models;
    }

    /**
     * The model a job's {@code base_model} names: its canonical name first, then any provider's id or alias
     * ({@code gpt-4o-mini-2024-07-18}, {@code meta-llama/Meta-Llama-3.1-8B-Instruct-Reference} ...).
     */
    public Optional<CatalogModel> find(String baseModel) {
        if (baseModel == null) {
            return Optional.empty();
        }
        String name = baseModel.strip();
        return models.stream().filter(m -> m.name().equalsIgnoreCase(name)).findFirst()
                .or(() -> models.stream().filter(m -> m.answersTo(name)).findFirst());
    }

    /** Every per-example token limit in the catalog, so a dataset can be priced for each without a re-read. */
    public SortedSet<Integer> perExampleLimits() {
        return java.util.Collections.unmodifiableSortedSet(perExampleLimits);
    }
}
