package io.tunegate.dataset.internal;

import io.tunegate.catalog.CatalogModel;
import io.tunegate.catalog.EpochRule;
import io.tunegate.catalog.Offer;
import io.tunegate.catalog.TokenFamily;
import io.tunegate.dataset.ProviderCheck;
import io.tunegate.dataset.analysis.DatasetReport;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each offer's rules against a report: problems refuse the dataset there, warnings do not. */
class ProviderChecksTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 21);
    private static final TokenFamily O200K = new TokenFamily("o200k_base", "o200k_base", true, 1.0);
    private static final Map<String, Long> CHAT_ROLES = Map.of("system", 10L, "user", 20L, "assistant", 20L);

    private static Offer offer(String provider, int maxTokens, int minExamples, long maxFileBytes, Set<String> roles,
                               LocalDate until) {
        return new Offer("m", provider, provider + "-m", List.of(), BigDecimal.ONE, null, true,
                new EpochRule(1, 10, 2), maxTokens, minExamples, maxFileBytes, false, roles, null, until, null, null);
    }

    private static Offer offer(String provider) {
        return offer(provider, 8192, 10, 1_000_000, Set.of("system", "user", "assistant"), null);
    }

    /** 20 examples, 10 of them over 8192 counted tokens, 5 over 16,384. */
    private static DatasetReport report(boolean valid, long examples, Map<String, Long> roles) {
        var tokens = new DatasetReport.TokenStats("o200k_base", "exact", 300_000, 10, 15_000, 9000, 20_000, 30_000, 10,
                8192, 100_000, Map.of(16_384, 200_000L), Map.of(16_384, 5L));
        return new DatasetReport("chat", examples, examples, 5000, valid, Map.of(), Map.of(), tokens, roles);
    }

    private static ProviderCheck check(TokenFamily family, Offer offer, long bytes, DatasetReport report) {
        return ProviderChecks.check(new CatalogModel("m", family, Map.of(offer.provider(), offer)), offer, bytes,
                report, TODAY);
    }

    @Test
    void aDatasetWithinEveryRuleIsOkAndNamesTheProvidersModel() {
        Offer roomy = offer("roomy", 32_768, 10, 1_000_000, Set.of("system", "user", "assistant"), TODAY);

        ProviderCheck check = check(O200K, roomy, 5000, report(true, 20, CHAT_ROLES));

        assertThat(check).isEqualTo(new ProviderCheck("roomy", "roomy-m", true, List.of(), List.of()));
    }

    @Test
    void tooFewExamplesAndTooLargeAFileAreProblems() {
        ProviderCheck check = check(O200K, offer("p"), 1_000_001, report(true, 3, CHAT_ROLES));

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).containsExactly(
                "p needs at least 10 training examples; the dataset has 3",
                "the file is 1000001 bytes; p takes training files of at most 1000000 bytes");
    }

    @Test
    void rolesTheFormatCannotExpressAreProblemsButDeveloperPassesAsSystem() {
        var roles = Map.of("developer", 2L, "user", 20L, "assistant", 25L, "tool", 5L);

        ProviderCheck noTools = check(O200K, offer("p"), 5000, report(true, 20, roles));
        ProviderCheck tools = check(O200K, offer("t", 65_536, 1, 1_000_000,
                Set.of("system", "user", "assistant", "tool"), null), 5000, report(true, 20, roles));

        assertThat(noTools.problems()).singleElement().asString()
                .startsWith("p's format has no 'tool' role (5 messages use it)");
        assertThat(tools.ok()).isTrue();
        assertThat(check(O200K, offer("n", 65_536, 1, 1_000_000, Set.of("user", "assistant"), null), 5000,
                report(true, 20, roles)).problems()).hasSize(2);
    }

    @Test
    void trainingClosedByTheLifecycleSaysTheDate() {
        Offer closed = offer("p", 65_536, 1, 1_000_000, Set.of("system", "user", "assistant"), TODAY.minusDays(1));

        ProviderCheck check = check(O200K, closed, 5000, report(true, 20, CHAT_ROLES));

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).singleElement().asString().contains("2026-11-20");
    }

    @Test
    void examplesOverThePerExampleLimitAreAWarningWithTheirCount() {
        ProviderCheck at8k = check(O200K, offer("p"), 5000, report(true, 20, CHAT_ROLES));
        ProviderCheck at16k = check(O200K, offer("q", 16_384, 1, 1_000_000, Set.of("system", "user", "assistant"),
                null), 5000, report(true, 20, CHAT_ROLES));

        assertThat(at8k.ok()).isTrue();
        assertThat(at8k.warnings()).singleElement().asString()
                .startsWith("10 examples are over p's limit of 8192 tokens per example")
                .contains("truncate");
        assertThat(at16k.warnings()).singleElement().asString().startsWith("5 examples are over q's limit of 16384");
    }

    @Test
    void anApproximateFamilyIsHeldToTheLimitInCountedTokens() {
        // 1.25 model tokens per counted token: 16,384 model tokens are 13,107 counted ones
        TokenFamily sp = new TokenFamily("mistral-sp", "o200k_base", false, 1.25);
        assertThat(sp.countedLimit(16_384, "o200k_base")).isEqualTo(13_107);
        assertThat(sp.countedLimit(16_384, "cl100k_base")).isEqualTo(16_384);
        assertThat(O200K.countedLimit(16_384, "o200k_base")).isEqualTo(16_384);
        var tokens = new DatasetReport.TokenStats("o200k_base", "approximate", 300_000, 10, 15_000, 9000, 20_000,
                30_000, 10, 8192, 100_000, Map.of(13_107, 220_000L), Map.of(13_107, 7L));
        var report = new DatasetReport("chat", 20, 20, 5000, true, Map.of(), Map.of(), tokens, CHAT_ROLES);
        Offer offer = offer("q", 16_384, 1, 1_000_000, Set.of("system", "user", "assistant"), null);

        assertThat(check(sp, offer, 5000, report).warnings()).singleElement().asString()
                .startsWith("7 examples are over q's limit of 16384 tokens per example (approximate count");
    }

    @Test
    void aLimitTheAnalysisDidNotCountIsSaidSoNotGuessed() {
        Offer newer = offer("p", 20_000, 1, 1_000_000, Set.of("system", "user", "assistant"), null);

        ProviderCheck check = check(O200K, newer, 5000, report(true, 20, CHAT_ROLES));

        assertThat(check.ok()).isTrue();
        assertThat(check.warnings()).singleElement().asString().contains("were not counted").contains("30000");
    }

    @Test
    void anInvalidDatasetIsAProblemEverywhere() {
        ProviderCheck check = check(O200K, offer("p"), 5000, report(false, 20, CHAT_ROLES));

        assertThat(check.ok()).isFalse();
        assertThat(check.problems()).singleElement().asString().contains("report.errors");
    }
}
