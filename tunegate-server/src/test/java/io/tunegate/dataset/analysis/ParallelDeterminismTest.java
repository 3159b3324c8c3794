package io.tunegate.dataset.analysis;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.tunegate.dataset.analysis.Jsonl.chat;
import static io.tunegate.dataset.analysis.Jsonl.msg;
import static org.assertj.core.api.Assertions.assertThat;

class ParallelDeterminismTest {

    private static ExecutorService oneThread;
    private static ExecutorService fourThreads;
    private static byte[] file;

    @BeforeAll
    static void setUp() {
        oneThread = Executors.newFixedThreadPool(1);
        fourThreads = Executors.newFixedThreadPool(4);
        file = generate(20_000);
    }

    @AfterAll
    static void tearDown() {
        oneThread.shutdownNow();
        fourThreads.shutdownNow();
    }

    @Test
    void oneThreadAndFourThreadsGiveTheSameReport() throws IOException {
        DatasetReport serial = analyze(oneThread, 512);
        DatasetReport parallel = analyze(fourThreads, 512);
        DatasetReport smallBatches = analyze(fourThreads, 37);

        assertThat(parallel).isEqualTo(serial);
        assertThat(smallBatches).isEqualTo(serial);
        // The file must exercise what could go wrong: truncated line lists spread over many batches.
        assertThat(serial.lines()).isEqualTo(20_000);
        assertThat(serial.format()).isEqualTo("mixed");
        assertThat(serial.errors()).containsKeys("invalid_json", "missing_content", "mixed_formats");
        assertThat(serial.errors().get("invalid_json").count()).isGreaterThan(1000);
        assertThat(serial.errors().get("invalid_json").lines()).hasSize(20).isSorted();
        assertThat(serial.warnings().get("no_system_message").count()).isGreaterThan(20);
    }

    @Test
    void batchesCutBySizeGiveTheSameReportAsOneLinePerBatch() throws IOException {
        // Lines of ~48 KB: the size bound, not the line count, ends each batch after a few lines.
        StringBuilder out = new StringBuilder();
        int lines = 3 * DatasetAnalyzer.BATCH_BYTES / 48_000;
        for (int i = 1; i <= lines; i++) {
            String words = "wörd ".repeat(8_000 + i);
            out.append(i % 7 == 0 ? "{\"messages\":[]}" : chat(msg("user", "q" + i), msg("assistant", words)))
                    .append('\n');
        }
        byte[] longLines = out.toString().getBytes(StandardCharsets.UTF_8);

        DatasetReport bySize = analyze(fourThreads, 512, longLines);
        DatasetReport oneLineEach = analyze(oneThread, 1, longLines);

        assertThat(bySize).isEqualTo(oneLineEach);
        assertThat(bySize.examples()).isEqualTo(lines);
        assertThat(bySize.errors().get("missing_messages").count()).isEqualTo(lines / 7);
        assertThat(bySize.tokens().max()).isGreaterThan(8_000);
    }

    private static DatasetReport analyze(ExecutorService workers, int batchSize) throws IOException {
        return analyze(workers, batchSize, file);
    }

    private static DatasetReport analyze(ExecutorService workers, int batchSize, byte[] content) throws IOException {
        var settings = new AnalyzerSettings(TokenizerChoice.forModel("gpt-4o-mini"), 1 << 20, 200, batchSize);
        return new DatasetAnalyzer(settings, workers).analyze(new ByteArrayInputStream(content));
    }

    private static byte[] generate(int lines) {
        StringBuilder out = new StringBuilder();
        for (int i = 1; i <= lines; i++) {
            String words = "word ".repeat(i % 97);
            if (i % 13 == 0) {
                out.append("{not json ").append(i);
            } else if (i % 29 == 0) {
                out.append("   ");
            } else if (i % 31 == 0) {
                out.append("{\"prompt\":\"p").append(i).append("\",\"completion\":\"").append(words).append("c\"}");
            } else if (i % 17 == 0) {
                out.append(chat(msg("user", ""), msg("assistant", words + i)));
            } else if (i % 5 == 0) {
                out.append(chat(msg("user", "question " + i), msg("assistant", words)));
            } else {
                out.append(chat(msg("system", "Line " + i), msg("user", words + "?"), msg("assistant", "Answer " + i)));
            }
            out.append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
