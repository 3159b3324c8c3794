package io.tunegate;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules talk only through each other's root packages, and never in a cycle. */
class ArchitectureTest {

    @Test
    void moduleBoundariesHold() {
        ApplicationModules.of(TunegateApplication.class).verify();
    }
}
