package io.tunegate.dataset.translation;

import io.tunegate.TunegateApplication;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

import static org.assertj.core.api.Assertions.assertThat;

/** Provider adapters in another module will translate datasets: the package is part of the dataset module's API. */
class NamedInterfaceTest {

    @Test
    void translationIsExposedByTheDatasetModule() {
        var dataset = ApplicationModules.of(TunegateApplication.class).getModuleByName("dataset").orElseThrow();

        assertThat(dataset.getNamedInterfaces().getByName("translation")).isPresent();
        assertThat(dataset.getNamedInterfaces().getByName("translation").orElseThrow()
                .contains(FormatTranslator.class)).isTrue();
    }
}
