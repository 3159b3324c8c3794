package io.tunegate.cli.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FormatsTest {

    @Test
    void money() {
        assertThat(Formats.usd(new BigDecimal("5.529600"))).isEqualTo("5.5296 USD");
        assertThat(Formats.usd(new BigDecimal("0.000000"))).isEqualTo("0.00 USD");
        assertThat(Formats.usd(new BigDecimal("20"))).isEqualTo("20.00 USD");
        assertThat(Formats.usd(new BigDecimal("0.0000005"))).isEqualTo("0.000001 USD");
        assertThat(Formats.usd(null)).isEqualTo("-");
        assertThat(Formats.amount(new BigDecimal("5.529600"))).isEqualTo("5.5296");
        assertThat(Formats.amount(new BigDecimal("20"))).isEqualTo("20.00");
        assertThat(Formats.amount(null)).isEqualTo("-");
    }

    @Test
    void sizesCountsAndTimes() {
        assertThat(Formats.bytes(999)).isEqualTo("999 B");
        assertThat(Formats.bytes(4_200_000)).isEqualTo("4.2 MB");
        assertThat(Formats.bytes(999_999)).isEqualTo("1.0 MB");
        assertThat(Formats.bytes(5L * 1000 * 1000 * 1000)).isEqualTo("5.0 GB");
        assertThat(Formats.count(1843200L)).isEqualTo("1,843,200");
        assertThat(Formats.time(Instant.parse("2026-11-21T16:15:56.167Z"))).isEqualTo("2026-11-21 16:15:56Z");
        assertThat(Formats.duration(Duration.ofSeconds(3723))).isEqualTo("1h 02m 03s");
        assertThat(Formats.duration(Duration.ofSeconds(65))).isEqualTo("1m 05s");
        assertThat(Formats.epochs(1.5)).isEqualTo("1.5");
        assertThat(Formats.epochs(3.0)).isEqualTo("3");
        assertThat(Formats.decimal(0.81234)).isEqualTo("0.8123");
    }
}
