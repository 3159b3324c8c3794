package io.tunegate.security;

import java.util.Objects;
import java.util.UUID;

/** The project a request acts for; controllers take it as a parameter, resolved from the API key. */
public record ProjectId(UUID value) {

    public ProjectId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
