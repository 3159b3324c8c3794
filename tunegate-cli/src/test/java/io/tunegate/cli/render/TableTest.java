package io.tunegate.cli.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void alignsTextLeftAndNumbersRightAndCutsTrailingSpaces() {
        String table = Table.of("NAME", "TOKENS", "NOTE")
                .row("support-bot", "1,843,200", "ok")
                .row("x", "12", null)
                .render();

        assertThat(table).isEqualTo("""
                NAME            TOKENS  NOTE
                support-bot  1,843,200  ok
                x                   12  -
                """);
    }

    @Test
    void aColumnWithAnyTextStaysLeftAligned() {
        String table = Table.of("A", "B").row("1", "yes").row("22", "no: closed").render();

        assertThat(table).isEqualTo("""
                 A  B
                 1  yes
                22  no: closed
                """);
    }

    @Test
    void controlCharactersFromTheServerCannotBreakALine() {
        String table = Table.of("MESSAGE").row("two\nlines\r\u001b[2J").render();

        assertThat(table.lines()).hasSize(2);
        assertThat(table).doesNotContain("\u001b");
    }

    @Test
    void refusesMoreCellsThanColumns() {
        assertThatThrownBy(() -> Table.of("A").row("1", "2")).isInstanceOf(IllegalArgumentException.class);
    }
}
