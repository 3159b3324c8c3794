package io.tunegate.dataset.translation;

import tools.jackson.databind.JsonNode;

/** Rewrites one canonical example for one target, or throws {@link Skip}. Stateless and thread-safe. */
interface ExampleRenderer {

    JsonNode render(Example example);
}
