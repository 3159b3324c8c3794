package io.tunegate.dataset;

import java.util.Optional;
import java.util.UUID;

/** The {@code ds-<uuid>} form by which jobs name an uploaded dataset. */
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
}
