package io.tunegate.client.model;

import java.time.Instant;

/** A registered model ({@code /v1/models}): the {@code job_name} a team trains under, and its newest version. */
public record Model(String object, String name, int versionCount, ModelVersion latestVersion, Instant createdAt,
                    Instant updatedAt) {
}
