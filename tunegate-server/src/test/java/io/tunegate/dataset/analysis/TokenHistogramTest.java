package io.tunegate.dataset.analysis;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TokenHistogramTest {

    @Test
    void percentilesAreNearestRank() {
        var histogram = new TokenHistogram(1000);
        for (long tokens : new long[] {5, 1, 4, 2, 3}) {
            histogram.add(tokens);
        }

        assertThat(histogram.percentile(50)).isEqualTo(3);  // rank ceil(2.5) = 3
        assertThat(histogram.percentile(95)).isEqualTo(5);  // rank ceil(4.75) = 5
        assertThat(histogram.percentile(20)).isEqualTo(1);
        assertThat(histogram.percentile(21)).isEqualTo(2);
    }

    @Test
    void valuesPastTheTableStayExact() {
        var histogram = new TokenHistogram(10);
        for (int i = 0; i < 10; i++) {
            histogram.add(7);
        }
        for (long big : new long[] {900_000, 300_000, 500_000, 2_000_000, 400_000, 700_000, 800_000, 600_000, 1_000_000, 200_000}) {
            histogram.add(big);
        }

        var stats = histogram.stats(new TokenizerChoice("o200k_base", true));

        assertThat(stats.p50()).isEqualTo(7);
        assertThat(stats.p95()).isEqualTo(1_000_000); // rank 19 of 20
        assertThat(stats.max()).isEqualTo(2_000_000);
        assertThat(stats.min()).isEqualTo(7);
        assertThat(stats.overLimit()).isEqualTo(10);
        assertThat(stats.billablePerEpoch()).isEqualTo(10 * 7 + 10 * 10);
    }

    @Test
    void billableTokensForOtherLimitsMatchABruteForceSum() {
        var random = new Random(7);
        var histogram = new TokenHistogram(1000);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            long tokens = i % 500 == 0 ? 150_000 + random.nextInt(2_000_000) : random.nextInt(40_000);
            values.add(tokens);
            histogram.add(tokens);
        }
        List<Integer> limits = List.of(500, 1000, 16_385, 32_000, 131_072, 3_000_000);

        var stats = histogram.stats(new TokenizerChoice("o200k_base", true), limits);

        for (int limit : limits) {
            long expected = values.stream().mapToLong(t -> Math.min(limit, t)).sum();
            assertThat(histogram.billableAt(limit)).as("limit %d", limit).isEqualTo(expected);
            assertThat(stats.billablePerEpochAt(limit)).as("limit %d", limit).isEqualTo(expected);
        }
        // the analysis limit is not repeated, and a limit past the longest example needs no entry
        assertThat(stats.billableByLimit()).doesNotContainKeys(1000, 3_000_000).containsKeys(500, 16_385);
        // an unknown limit falls back to the next larger known one: never under the truth
        long truthAt20k = values.stream().mapToLong(t -> Math.min(20_000, t)).sum();
        assertThat(stats.billablePerEpochAt(20_000)).isGreaterThanOrEqualTo(truthAt20k);
    }

    @Test
    void noExamplesMeansZeros() {
        var stats = new TokenHistogram(100).stats(new TokenizerChoice("o200k_base", true));

        assertThat(stats).isEqualTo(new DatasetReport.TokenStats("o200k_base", "exact", 0, 0, 0.0, 0, 0, 0, 0, 100, 0));
    }

    @Test
    void aFileOfOneToAHundredTokensHasExactPercentiles() {
        // "a a a ..." is one token per "a" in o200k_base; shuffled so order cannot matter.
        List<Integer> sizes = new ArrayList<>();
        for (int k = 1; k <= 100; k++) {
            sizes.add(k);
        }
        Collections.shuffle(sizes, new Random(3));
        StringBuilder file = new StringBuilder();
        for (int k : sizes) {
            file.append("{\"prompt\":\"\",\"completion\":\"a").append(" a".repeat(k - 1)).append("\"}\n");
        }
        var settings = new AnalyzerSettings(TokenizerChoice.forModel("gpt-4o"), 1 << 20, 90, 7);

        var stats = Jsonl.analyze(settings, file.toString().getBytes(StandardCharsets.UTF_8)).tokens();

        assertThat(stats.total()).isEqualTo(5050);
        assertThat(stats.min()).isEqualTo(1);
        assertThat(stats.max()).isEqualTo(100);
        assertThat(stats.mean()).isEqualTo(50.5);
        assertThat(stats.p50()).isEqualTo(50);
        assertThat(stats.p95()).isEqualTo(95);
        assertThat(stats.overLimit()).isEqualTo(10);
        assertThat(stats.billablePerEpoch()).isEqualTo(90 * 91 / 2 + 10 * 90);
    }
}
