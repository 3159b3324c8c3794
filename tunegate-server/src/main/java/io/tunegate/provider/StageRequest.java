package io.tunegate.provider;

import java.util.UUID;

/**
 * One dataset to put where a provider reads it.
 *
 * @param jobId         the gateway job it is staged for (providers that name files may use it)
 * @param projectId     the project owning the dataset
 * @param dataset       the dataset's id ({@code ds-...})
 * @param providerModel the provider's id of the base model, which decides the file format on some providers
 * @param role          training or validation data
 */
public record StageRequest(UUID jobId, UUID projectId, String dataset, String providerModel, Role role) {

    public enum Role {
        TRAINING, VALIDATION;

        /** Lower-case, for file names and purposes. */
        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
