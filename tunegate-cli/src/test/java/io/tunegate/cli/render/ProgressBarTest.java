package io.tunegate.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void fillsCellsAndPrintsThePercentRoundedDown() {
        assertThat(ProgressBar.render(0.0, 10)).isEqualTo("[----------]   0%");
        assertThat(ProgressBar.render(0.4, 10)).isEqualTo("[####------]  40%");
        assertThat(ProgressBar.render(0.999, 10)).isEqualTo("[#########-]  99%");
        assertThat(ProgressBar.render(1.0, 10)).isEqualTo("[##########] 100%");
    }

    @Test
    void clampsAndDrawsAnUnknownFractionEmptyWithoutAPercent() {
        assertThat(ProgressBar.render(1.7, 4)).isEqualTo("[####] 100%");
        assertThat(ProgressBar.render(-0.5, 4)).isEqualTo("[----]   0%");
        assertThat(ProgressBar.render(null, 4)).isEqualTo("[----]     ");
        // same width either way, so a redrawn line does not jump
        assertThat(ProgressBar.render(null, 4)).hasSameSizeAs(ProgressBar.render(0.5, 4));
    }
}
