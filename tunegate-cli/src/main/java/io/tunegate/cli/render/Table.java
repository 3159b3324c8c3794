package io.tunegate.cli.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A plain-text table: a header row, then rows, columns separated by two spaces. A column whose every cell
 * is a number (or empty) is right-aligned, so figures line up; trailing spaces are cut.
 */
public final class Table {

    private static final Pattern NUMBER = Pattern.compile("[-+]?[0-9][0-9,]*(\\.[0-9]+)?(%|\\*|~|/h)?");
    private static final String GAP = "  ";

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();
    private final boolean[] left;

    private Table(List<String> headers) {
        this.headers = headers;
        this.left = new boolean[headers.size()];
    }

    /** Keeps these columns (0-based) left-aligned even when they hold numbers, e.g. lists of line numbers. */
    public Table left(int... columns) {
        for (int column : columns) {
            left[column] = true;
        }
        return this;
    }

    public static Table of(String... headers) {
        return new Table(List.of(headers));
    }

    /** Adds a row; null cells print as "-", missing trailing cells as empty. */
    public Table row(Object... cells) {
        if (cells.length > headers.size()) {
            throw new IllegalArgumentException(cells.length + " cells for " + headers.size() + " columns");
        }
        List<String> row = new ArrayList<>(headers.size());
        for (int i = 0; i < headers.size(); i++) {
            row.add(i < cells.length ? text(cells[i]) : "");
        }
        rows.add(row);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The table with a line per row, each ending in a newline. */
    public String render() {
        int columns = headers.size();
        int[] widths = new int[columns];
        boolean[] right = new boolean[columns];
        Arrays.fill(right, !rows.isEmpty());
        for (int c = 0; c < columns; c++) {
            widths[c] = headers.get(c).length();
            for (List<String> row : rows) {
                String cell = row.get(c);
                widths[c] = Math.max(widths[c], cell.length());
                if (left[c] || !cell.isEmpty() && !cell.equals("-") && !NUMBER.matcher(cell).matches()) {
                    right[c] = false;
                }
            }
        }
        StringBuilder out = new StringBuilder();
        line(out, headers, widths, right);
        for (List<String> row : rows) {
            line(out, row, widths, right);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                line.append(GAP);
            }
            String cell = cells.get(c);
            String pad = " ".repeat(widths[c] - cell.length());
            line.append(right[c] ? pad + cell : cell + pad);
        }
        out.append(line.toString().stripTrailing()).append('\n');
    }

    private static String text(Object cell) {
        if (cell == null) {
            return "-";
        }
        // a table cell is one line: control characters from the server would break the layout
        return cell.toString().replaceAll("\\p{Cntrl}", " ");
    }
}
