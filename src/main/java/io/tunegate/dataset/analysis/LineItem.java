package io.tunegate.dataset.analysis;

/**
 * One line as handed to a worker: either text to parse, a verdict the reader already reached from the raw
 * bytes ({@code rejection}), or blank. Carrying verdicts in the batch keeps every line's issues merged in
 * line order, whoever found them.
 */
record LineItem(long number, String text, String rejection) {

    static LineItem text(long number, String text) {
        return new LineItem(number, text, null);
    }

    static LineItem rejected(long number, String kind) {
        return new LineItem(number, null, kind);
    }

    static LineItem blank(long number) {
        return new LineItem(number, null, null);
    }

    boolean isBlank() {
        return text == null && rejection == null;
    }

    /** Characters held, to bound a batch's memory by size as well as by line count. */
    int weight() {
        return text == null ? 0 : text.length();
    }
}
