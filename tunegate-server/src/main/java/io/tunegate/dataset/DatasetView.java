package io.tunegate.dataset;

import io.tunegate.dataset.analysis.DatasetReport;

import java.time.Instant;
import java.util.List;

/**
 * A dataset as the API shows it. {@code status} is {@code valid} or {@code invalid}; jobs accept only valid
 * ones. {@code report} holds the validation report and {@code providerChecks} one check per catalog offer of
 * {@code baseModel} (both absent in lists; the checks are empty when the catalog does not know the model).
 *
 * @param baseModel the base model the upload was analyzed for, as given; null when none was
 */
public record DatasetView(String id, String object, String filename, long bytes, String sha256, String status,
                          String format, long examples, String tokenizer, String baseModel, Instant createdAt,
                          DatasetReport report, List<ProviderCheck> providerChecks) {
}
