package io.tunegate.registry;

import java.util.UUID;

/** A succeeded job's model became a new version of a registered model; published in the registering transaction. */
public record ModelVersionCreated(UUID projectId, ModelVersionView version) {
}
