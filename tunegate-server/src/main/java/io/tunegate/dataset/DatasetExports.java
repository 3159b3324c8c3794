package io.tunegate.dataset;

import java.util.UUID;

/** Datasets written out in the format a provider trains on, for adapters to upload. */
public interface DatasetExports {

    /**
     * Translates a stored dataset into the format {@code provider} trains {@code providerModel} on (see
     * {@code ProviderFormats}), into a temporary file the caller closes, which deletes it.
     *
     * @throws DatasetExportException when the provider has no format for this data, every line would be
     *                                skipped, the dataset is gone, or the bytes cannot be read
     */
    ExportedDataset export(UUID projectId, String dataset, String provider, String providerModel);
}
