package io.tunegate.dataset.analysis;

/**
 * One line as handed to a worker: its raw bytes (an exact-length copy), or a verdict the reader already reached
 * ({@code rejection}: a line over the limit, whose bytes were never kept). Workers classify and parse the bytes
 * themselves, so the reading thread only splits and copies; carrying verdicts in the batch keeps every line's
 * issues merged in line order, whoever found them.
 */
record LineItem(long number, byte[] bytes, String rejection) {

    static LineItem of(long number, byte[] bytes) {
        return new LineItem(number, bytes, null);
    }

    static LineItem rejected(long number, String kind) {
        return new LineItem(number, null, kind);
    }

    /** Bytes held, to bound a batch's memory by size as well as by line count. */
    int weight() {
        return bytes == null ? 0 : bytes.length;
    }
}
