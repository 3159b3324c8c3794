package io.tunegate.dataset;

import io.tunegate.dataset.remote.RemoteReference;

import java.util.Optional;
import java.util.UUID;

/** The {@code ds-<uuid>} form by which jobs name an uploaded dataset, and the other references jobs accept. */
public final class DatasetRef {

    public static final String PREFIX = "ds-";

    private DatasetRef() {
    }

    public static String of(UUID id) {
        return PREFIX + id;
    }

    /** The id in a reference, if it is one; other references (s3://, https://) give empty. */
    public static Optional<UUID> parse(String reference) {
        if (reference == null || !reference.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(reference.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public static boolean looksLikeOne(String reference) {
        return reference != null && reference.startsWith(PREFIX);
    }

    /**
     * Checks the syntax of a {@code training_data}/{@code validation_data} reference without any I/O:
     * {@code ds-<uuid>}, {@code s3://bucket/key} (S3 bucket naming rules, a non-empty key) or an
     * {@code https://} URL with a host and no credentials.
     *
     * @return what is wrong, as a message for the user; empty when the reference is well-formed
     */
    public static Optional<String> checkReference(String reference) {
        if (looksLikeOne(reference)) {
            return parse(reference).isPresent() ? Optional.empty()
                    : Optional.of("not a valid dataset id: ds- must be followed by a UUID");
        }
        try {
            RemoteReference.parse(reference);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
