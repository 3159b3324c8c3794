package io.tunegate;

import com.tngtech.archunit.core.domain.JavaClass;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/** Modules talk only through each other's root packages, and never in a cycle. */
class ArchitectureTest {

    @Test
    void moduleBoundariesHold() {
        // the Java client and the command line share the io.tunegate package but are not modules of the gateway:
        // they reach this classpath only as test dependencies of the end-to-end tests
        ApplicationModules.of(TunegateApplication.class,
                JavaClass.Predicates.resideInAnyPackage("io.tunegate.client..", "io.tunegate.cli..")).verify();
    }
}
