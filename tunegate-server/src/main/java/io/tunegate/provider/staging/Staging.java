package io.tunegate.provider.staging;

import io.tunegate.dataset.DatasetExportException;
import io.tunegate.dataset.DatasetExports;
import io.tunegate.dataset.ExportedDataset;
import io.tunegate.provider.PermanentProviderException;
import io.tunegate.provider.StageRequest;
import io.tunegate.provider.TransientProviderException;

/** The first step of every adapter's {@code stage}: the dataset written out in the provider's format. */
public final class Staging {

    private Staging() {
    }

    /**
     * Exports {@code request}'s dataset for {@code provider}; the caller closes the result (which deletes the file).
     * Data the provider's format cannot express is a permanent {@code unsupported_data} refusal (the gateway then
     * tries the next provider); an export that failed on the way (storage unreachable...) is transient.
     */
    public static ExportedDataset export(DatasetExports exports, String provider, StageRequest request) {
        try {
            return exports.export(request.projectId(), request.dataset(), provider, request.providerModel());
        } catch (DatasetExportException e) {
            if (!e.retryable()) {
                throw new PermanentProviderException(provider, "unsupported_data", e.getMessage(), e);
            }
            throw new TransientProviderException(provider, "Could not export " + request.dataset() + " for "
                    + provider + ": " + e.getMessage(), null, e);
        }
    }
}
