package io.tunegate.registry;

import java.time.Instant;

/** A registered model: the name a team trains under ({@code job_name}) and its newest version. */
public record RegisteredModelView(String object, String name, int versionCount, ModelVersionView latestVersion,
                                  Instant createdAt, Instant updatedAt) {
}
