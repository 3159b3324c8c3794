/**
 * Datasets: JSONL uploads streamed to storage while they are validated and counted in one pass, the
 * validation report, and the references jobs use ({@code ds-...}).
 */
package io.tunegate.dataset;
