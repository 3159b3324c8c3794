import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The baseline of bench/ingest.sh: raw jtokkit counting of a chat JSONL file on every core, with nothing
 * else around it (no HTTP, no validation, no storage, no hashing).
 *
 * <p>The main thread reads the file in 4 MiB blocks cut at line ends; a fixed pool of one thread per core
 * splits each block into lines, parses each line with Jackson (straight from the bytes) and counts every
 * message the way the gateway does (OpenAI cookbook: 3 per example, 3 per message, plus the tokens of the
 * role and the content), so the totals of both must agree. At most two blocks per thread are in flight, so
 * it runs in a small heap. A warm-up pass over the start of the file comes first, untimed, so the timed
 * pass runs JIT-compiled code, as the gateway's does after its own warm-up upload.
 *
 * <pre>java -cp CLASSPATH RawTokenCount.java FILE [ENCODING [THREADS [WARMUP_BYTES]]]</pre>
 * The last output line is machine-readable: {@code RESULT bytes=.. lines=.. tokens=.. seconds=.. cpu_cores=..
 * machine_cores=.. gc_cpu_seconds=..}: the CPU this process used and the whole machine was busy during the timed
 * pass, in cores, and the CPU its garbage collector used in that pass.
 */
public final class RawTokenCount {

    private static final int BLOCK_BYTES = 4 << 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Encoding encoding;

    private RawTokenCount(Encoding encoding) {
        this.encoding = encoding;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: java -cp CLASSPATH RawTokenCount.java FILE [ENCODING [THREADS [WARMUP_BYTES]]]");
            System.exit(2);
        }
        Path file = Path.of(args[0]);
        String encodingName = args.length > 1 ? args[1] : "o200k_base";
        int threads = args.length > 2 && Integer.parseInt(args[2]) > 0 ? Integer.parseInt(args[2])
                : Runtime.getRuntime().availableProcessors();
        long warmupBytes = args.length > 3 ? Long.parseLong(args[3]) : 64L << 20;

        Encoding encoding = Encodings.newLazyEncodingRegistry().getEncoding(encodingName)
                .orElseThrow(() -> new IllegalArgumentException("unknown encoding " + encodingName));
        RawTokenCount counter = new RawTokenCount(encoding);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            if (warmupBytes > 0) {
                counter.count(file, warmupBytes, pool, threads);
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long gc0 = gcCpuNanos();
            long[] machine0 = machineJiffies();
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            long[] totals = counter.count(file, Long.MAX_VALUE, pool, threads);
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuCores = (os.getProcessCpuTime() - cpu0) / 1e9 / seconds;
            long[] machine1 = machineJiffies();
            long gc1 = gcCpuNanos();
            double gcSeconds = gc0 >= 0 && gc1 >= 0 ? (gc1 - gc0) / 1e9 : Double.NaN;
            // Busy share of all cores over the pass, from /proc/stat: minus our own, it is what else ran.
            double machineCores = machine1[1] > machine0[1] ? (double) (machine1[0] - machine0[0])
                    / (machine1[1] - machine0[1]) * Runtime.getRuntime().availableProcessors() : Double.NaN;
            System.out.printf("raw count: %d bytes, %d lines, %d tokens in %.2f s = %.1f MB/s on %d threads (%.2f cores used)%n",
                    totals[0], totals[1], totals[2], seconds, totals[0] / seconds / 1e6, threads, cpuCores);
            System.out.printf("RESULT bytes=%d lines=%d tokens=%d seconds=%.3f cpu_cores=%.2f machine_cores=%.2f gc_cpu_seconds=%.2f%n",
                    totals[0], totals[1], totals[2], seconds, cpuCores, machineCores, gcSeconds);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Counts the first {@code limit} bytes (whole lines only); returns bytes, lines, tokens. */
    private long[] count(Path file, long limit, ExecutorService pool, int threads)
            throws IOException, InterruptedException, ExecutionException {
        long bytes = 0;
        long lines = 0;
        long tokens = 0;
        Deque<Future<long[]>> inFlight = new ArrayDeque<>();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] carry = new byte[0];
            while (bytes < limit) {
                byte[] block = Arrays.copyOf(carry, Math.max(BLOCK_BYTES, carry.length * 2));
                int filled = carry.length;
                int n = in.readNBytes(block, filled, block.length - filled);
                filled += n;
                boolean end = n == 0;
                int cut = filled;
                if (!end) {
                    cut = lastNewline(block, filled) + 1;
                    if (cut == 0) { // one line longer than the block: read more before cutting
                        carry = Arrays.copyOf(block, filled);
                        continue;
                    }
                }
                carry = Arrays.copyOfRange(block, cut, filled);
                if (cut > 0) {
                    int length = cut;
                    while (inFlight.size() >= 2 * threads) {
                        long[] done = inFlight.poll().get();
                        lines += done[0];
                        tokens += done[1];
                    }
                    inFlight.add(pool.submit(() -> countBlock(block, length)));
                    bytes += cut;
                }
                if (end) {
                    break;
                }
            }
        }
        while (!inFlight.isEmpty()) {
            long[] done = inFlight.poll().get();
            lines += done[0];
            tokens += done[1];
        }
        return new long[]{bytes, lines, tokens};
    }

    /**
     * CPU time of this JVM's GC threads so far (HotSpot's sun.threads.total_gc_cpu_time, read with jcmd as for
     * the gateway), or -1 where that cannot be read.
     */
    private static long gcCpuNanos() {
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                    Long.toString(ProcessHandle.current().pid()), "PerfCounter.print").redirectErrorStream(true).start();
            long value = -1;
            for (String line : new String(jcmd.getInputStream().readAllBytes()).split("\n")) {
                if (line.startsWith("sun.threads.total_gc_cpu_time=")) {
                    value = Long.parseLong(line.substring(line.indexOf('=') + 1).trim());
                }
            }
            return jcmd.waitFor() == 0 ? value : -1;
        } catch (IOException | InterruptedException | RuntimeException e) {
            return -1;
        }
    }

    /** Busy and total jiffies of all cores from /proc/stat (Linux); zeros where it cannot be read. */
    private static long[] machineJiffies() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new long[]{total - idle, total};
        } catch (IOException | RuntimeException e) {
            return new long[]{0, 0};
        }
    }

    private static int lastNewline(byte[] block, int length) {
        for (int i = length - 1; i >= 0; i--) {
            if (block[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Lines and tokens of one block of whole lines. */
    private long[] countBlock(byte[] block, int length) {
        long lines = 0;
        long tokens = 0;
        int start = 0;
        while (start < length) {
            int end = start;
            while (end < length && block[end] != '\n') {
                end++;
            }
            if (end > start) {
                tokens += countLine(block, start, end - start);
            }
            lines++;
            start = end + 1;
        }
        return new long[]{lines, tokens};
    }

    private int countLine(byte[] bytes, int offset, int length) {
        JsonNode messages = JSON.readTree(bytes, offset, length).get("messages");
        int tokens = 3;
        for (JsonNode message : messages) {
            tokens += 3 + count(message.get("role")) + count(message.get("content"));
        }
        return tokens;
    }

    private int count(JsonNode value) {
        return value == null || !value.isString() ? 0 : encoding.countTokensOrdinary(value.stringValue());
    }
}
