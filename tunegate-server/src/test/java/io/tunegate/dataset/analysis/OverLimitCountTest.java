package io.tunegate.dataset.analysis;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** Examples over each catalog limit, from the histogram: what each provider would truncate. */
class OverLimitCountTest {

    private static final TokenizerChoice O200K = new TokenizerChoice("o200k_base", true);

    @Test
    void countsOverEveryLimitMatchABruteForceCount() {
        var random = new Random(11);
        var histogram = new TokenHistogram(1000);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            // a few values past the table (overflow list), some exactly on a limit
            long tokens = i % 500 == 0 ? 150_000 + random.nextInt(2_000_000)
                    : i % 97 == 0 ? 16_385 : random.nextInt(40_000);
            values.add(tokens);
            histogram.add(tokens);
        }
        List<Integer> limits = List.of(500, 1000, 8192, 16_385, 131_072, 1_000_000, 3_000_000);

        var stats = histogram.stats(O200K, limits);

        for (int limit : limits) {
            long expected = values.stream().filter(t -> t > limit).count();
            assertThat(histogram.overAt(limit)).as("limit %d", limit).isEqualTo(expected);
            assertThat(stats.overLimitAt(limit)).as("limit %d", limit).isEqualTo(OptionalLong.of(expected));
        }
        assertThat(stats.overByLimit()).containsOnlyKeys(500, 8192, 16_385, 131_072, 1_000_000);
        assertThat(stats.overByLimit().keySet()).isEqualTo(stats.billableByLimit().keySet());
        assertThat(stats.overLimitAt(1000).getAsLong()).isEqualTo(stats.overLimit());
        // a limit the analysis did not count cannot be answered from the figures
        assertThat(stats.overLimitAt(20_000)).isEmpty();
    }

    @Test
    void anAnalyzedFileCountsExamplesOverEachBillingLimit() {
        // "a a a ..." is one token per "a" in o200k_base: examples of 1..100 tokens
        StringBuilder file = new StringBuilder();
        for (int k = 100; k >= 1; k--) {
            file.append("{\"prompt\":\"\",\"completion\":\"a").append(" a".repeat(k - 1)).append("\"}\n");
        }
        var settings = new AnalyzerSettings(TokenizerChoice.forModel("gpt-4o"), 1 << 20, 90, 7,
                new TreeSet<>(List.of(10, 50, 90, 100, 4096)));

        var stats = Jsonl.analyze(settings, file.toString().getBytes(StandardCharsets.UTF_8)).tokens();

        assertThat(stats.overLimit()).isEqualTo(10);
        assertThat(stats.overByLimit()).containsOnlyKeys(10, 50);
        assertThat(stats.overLimitAt(10)).hasValue(90);
        assertThat(stats.overLimitAt(50)).hasValue(50);
        assertThat(stats.overLimitAt(90)).hasValue(10);
        assertThat(stats.overLimitAt(100)).hasValue(0);
        assertThat(stats.overLimitAt(4096)).hasValue(0);
        assertThat(stats.overLimitAt(60)).isEmpty();
    }

    @Test
    void noExamplesAreOverAnyLimit() {
        var stats = new TokenHistogram(100).stats(O200K, List.of(1, 50));

        assertThat(stats.overByLimit()).isEmpty();
        assertThat(stats.overLimitAt(1)).hasValue(0);
    }
}
