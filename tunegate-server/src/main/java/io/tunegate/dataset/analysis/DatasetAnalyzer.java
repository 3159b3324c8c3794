package io.tunegate.dataset.analysis;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * Checks a JSONL fine-tuning file in one streaming pass and counts its tokens.
 *
 * <p>The calling thread only reads, splits and copies lines; batches of raw lines go to {@code workers}, which
 * validate their UTF-8, parse, check and tokenize them (tokenizing is the slow part, so everything per line runs
 * on every core). At most two batches per worker are in flight, so memory stays flat however fast the stream is;
 * results are merged oldest batch first, which keeps the report identical whatever the thread count.
 *
 * <p>Thread-safe: one analyzer may serve concurrent calls. The stream is read to its end but not closed.
 */
public final class DatasetAnalyzer {

    /**
     * A batch also ends once it holds this many bytes. Small on purpose: batches wait in the queue while the
     * workers tokenize, and with 4M-char batches they lived long enough to be promoted to the old generation,
     * which filled with dead lines (100-170 MB left after young collections in a 256 MB heap, against 65 MB of
     * live data) and kept G1 marking. At 256 KB, about 1 MB in flight on 2 cores, lines die young
     * (docs/benchmarks.md, "Dataset ingest").
     */
    static final int BATCH_BYTES = 256 << 10;

    private final AnalyzerSettings settings;
    private final ExecutorService workers;
    private final ExampleChecker checker;
    private final int maxBatchesInFlight;

    public DatasetAnalyzer(AnalyzerSettings settings, ExecutorService workers) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.checker = new ExampleChecker(new TokenCounter(settings.tokenizer()), settings.maxTokensPerExample());
        this.maxBatchesInFlight = 2 * parallelismOf(workers);
    }

    /** Reads the stream exactly once, to its end, and never holds the whole file in memory. */
    public DatasetReport analyze(InputStream in) throws IOException {
        Objects.requireNonNull(in, "in");
        LineReader reader = new LineReader(in, settings.maxLineBytes());
        ReportAssembler report = new ReportAssembler(settings.maxTokensPerExample(), settings.billingLimits());
        Deque<Future<BatchResult>> inFlight = new ArrayDeque<>();
        try {
            List<LineItem> batch = new ArrayList<>();
            long batchBytes = 0;
            while (reader.next()) {
                LineItem item = reader.tooLong() ? LineItem.rejected(reader.lineNumber(), IssueKinds.LINE_TOO_LONG)
                        : LineItem.of(reader.lineNumber(), Arrays.copyOf(reader.bytes(), reader.length()));
                batch.add(item);
                batchBytes += item.weight();
                if (batch.size() >= settings.batchSize() || batchBytes >= BATCH_BYTES) {
                    submit(batch, inFlight, report);
                    batch = new ArrayList<>();
                    batchBytes = 0;
                }
            }
            if (!batch.isEmpty()) {
                submit(batch, inFlight, report);
            }
            while (!inFlight.isEmpty()) {
                report.merge(await(inFlight.poll()));
            }
        } catch (IOException | RuntimeException | Error e) {
            inFlight.forEach(pending -> pending.cancel(true));
            throw e;
        }
        return report.build(reader.lineNumber(), reader.bytesRead(), settings.tokenizer());
    }

    private void submit(List<LineItem> batch, Deque<Future<BatchResult>> inFlight, ReportAssembler report)
            throws IOException {
        // Back-pressure: wait for the oldest batch rather than queue without bound.
        while (inFlight.size() >= maxBatchesInFlight) {
            report.merge(await(inFlight.poll()));
        }
        inFlight.add(workers.submit(() -> checker.check(batch)));
        while (!inFlight.isEmpty() && inFlight.peek().isDone()) {
            report.merge(await(inFlight.poll()));
        }
    }

    private static BatchResult await(Future<BatchResult> pending) throws IOException {
        try {
            return pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while analyzing a dataset");
        } catch (ExecutionException e) {
            // The checker turns every content problem into an issue, so only an Error (e.g. out of memory) lands here.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("dataset check failed", e.getCause());
        }
    }

    /** How many batches the executor can run at once; unbounded pools count as one per core. */
    private static int parallelismOf(ExecutorService workers) {
        int cores = Runtime.getRuntime().availableProcessors();
        if (workers instanceof ThreadPoolExecutor pool) {
            return Math.max(1, Math.min(pool.getMaximumPoolSize(), Math.max(pool.getCorePoolSize(), cores)));
        }
        if (workers instanceof ForkJoinPool pool) {
            return pool.getParallelism();
        }
        return cores;
    }
}
