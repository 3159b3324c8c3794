package io.tunegate.dataset.analysis;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What a worker found in one batch of consecutive lines. Small by design: issues keep 20 lines per kind and
 * token counts one int per example, so batches in flight hold little beyond their text.
 */
final class BatchResult {

    final Map<String, IssueTally> errors = new HashMap<>();
    final Map<String, IssueTally> warnings = new HashMap<>();
    final Map<ExampleFormat, IssueTally> formats = new EnumMap<>(ExampleFormat.class);
    /** Messages per recognized role (a handful of keys, so the map stays tiny). */
    final Map<String, Long> roles = new HashMap<>();
    long examples;
    private int[] tokens;
    private int tokenCount;

    BatchResult(int lines) {
        this.tokens = new int[Math.max(1, lines)];
    }

    void error(String kind, long line) {
        errors.computeIfAbsent(kind, k -> new IssueTally()).add(line);
    }

    void warning(String kind, long line) {
        warnings.computeIfAbsent(kind, k -> new IssueTally()).add(line);
    }

    void format(ExampleFormat format, long line) {
        formats.computeIfAbsent(format, k -> new IssueTally()).add(line);
    }

    void role(String role) {
        roles.merge(role, 1L, Long::sum);
    }

    void tokens(int count) {
        if (tokenCount == tokens.length) {
            tokens = Arrays.copyOf(tokens, tokenCount * 2);
        }
        tokens[tokenCount++] = count;
    }

    int tokenCount() {
        return tokenCount;
    }

    int tokensAt(int index) {
        return tokens[index];
    }
}
