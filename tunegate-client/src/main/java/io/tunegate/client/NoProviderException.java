package io.tunegate.client;

import java.util.List;

/** 422 {@code no-provider}: no enabled provider can train the model now; {@link #alternatives()} lists who can. */
public class NoProviderException extends UnprocessableException {

    public NoProviderException(Problem problem) {
        super(problem);
    }

    /** The providers that could train the model now, as the gateway listed them; empty when none. */
    public List<String> alternatives() {
        if (problem().extensions().get("alternatives") instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
