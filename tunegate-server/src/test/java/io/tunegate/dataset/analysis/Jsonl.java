package io.tunegate.dataset.analysis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Builds small JSONL files and runs the analyzer on them. */
final class Jsonl {

    /** A chat example that draws no issue at all. */
    static final String VALID_CHAT = chat(msg("system", "Be brief."), msg("user", "Hi"), msg("assistant", "Hello"));

    // Daemon threads: the pool lives as long as the test JVM.
    static final ExecutorService WORKERS = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "dataset-analysis-test");
        thread.setDaemon(true);
        return thread;
    });

    private Jsonl() {
    }

    static String msg(String role, String content) {
        return "{\"role\":\"" + role + "\",\"content\":\"" + content + "\"}";
    }

    static String chat(String... messages) {
        return "{\"messages\":[" + String.join(",", messages) + "]}";
    }

    static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    static DatasetReport analyze(String file) {
        return analyze(file.getBytes(StandardCharsets.UTF_8));
    }

    static DatasetReport analyze(byte[] file) {
        return analyze(AnalyzerSettings.defaults(), file);
    }

    static DatasetReport analyze(AnalyzerSettings settings, byte[] file) {
        try {
            return new DatasetAnalyzer(settings, WORKERS).analyze(new ByteArrayInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DatasetReport.Issue issue(long count, Long... lines) {
        return new DatasetReport.Issue(count, java.util.List.of(lines));
    }
}
