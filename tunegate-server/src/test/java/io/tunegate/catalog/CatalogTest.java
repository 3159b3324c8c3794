package io.tunegate.catalog;

import io.tunegate.catalog.internal.CatalogLoaderAccess;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped catalog file, and the loader's merge and refusal rules. */
class CatalogTest {

    private static final ModelCatalog SHIPPED =
            CatalogLoaderAccess.load(List.of(new FileSystemResource("../config/model-catalog.yml")));

    @Test
    void theShippedCatalogLoadsAndMapsProviderIdsToCanonicalNames() {
        assertThat(SHIPPED.find("gpt-4o-mini-2024-07-18")).map(CatalogModel::name).contains("gpt-4o-mini");
        assertThat(SHIPPED.find("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference")).map(CatalogModel::name)
                .contains("llama-3.1-8b-instruct");
        CatalogModel llama = SHIPPED.find("llama-3.1-8b-instruct").orElseThrow();
        assertThat(llama.offers().keySet()).containsExactly("bedrock", "together", "fireworks");
        assertThat(llama.tokens().exact()).isFalse();
        assertThat(SHIPPED.find("no-such-model")).isEmpty();
    }

    @Test
    void lifecycleFactsFromTheReferenceAreIn() {
        Offer openai = SHIPPED.find("gpt-4o-mini").orElseThrow().offer("openai").orElseThrow();
        assertThat(openai.availabilityOn(LocalDate.parse("2027-01-06")).open()).isTrue();
        Availability after = openai.availabilityOn(LocalDate.parse("2027-01-07"));
        assertThat(after.open()).isFalse();
        assertThat(after.reason()).contains("2027-01-06");

        Offer haiku = SHIPPED.find("claude-3-haiku").orElseThrow().offer("anthropic").orElseThrow();
        assertThat(haiku.availabilityOn(LocalDate.parse("2026-11-21")).reason()).contains("2026-09-10");
        Offer nano = SHIPPED.find("gpt-4.1-nano").orElseThrow().offer("openai").orElseThrow();
        assertThat(nano.availabilityOn(LocalDate.parse("2026-11-21")).open()).isFalse();
    }

    @Test
    void everyOfferIsPricedAndUnconfirmedPricesAreMarked() {
        SHIPPED.models().forEach(m -> m.offers().values().forEach(o -> {
            assertThat(o.price()).as(o.provider() + "/" + m.name()).isNotNull();
            assertThat(o.epochs().min()).isGreaterThanOrEqualTo(1);
        }));
        // the reference confirms no official per-token price, so none may claim to be confirmed
        assertThat(SHIPPED.models().stream().flatMap(m -> m.offers().values().stream()).filter(Offer::priceConfirmed))
                .isEmpty();
    }

    @Test
    void aLaterFileReplacesOneOfferAndKeepsTheRest() {
        var override = yaml("""
                models:
                  gpt-4o-mini:
                    offers:
                      openai:
                        model_id: gpt-4o-mini-2024-07-18
                        price_per_million_tokens: 2.5
                        price_confirmed: true
                        epochs: {min: 1, max: 50, auto: openai}
                        max_tokens_per_example: 65536
                        max_file_bytes: 1000
                """);
        ModelCatalog merged = CatalogLoaderAccess.load(List.of(new FileSystemResource("../config/model-catalog.yml"), override));

        CatalogModel model = merged.find("gpt-4o-mini").orElseThrow();
        assertThat(model.offer("openai").orElseThrow().pricePerMillionTokens()).isEqualByComparingTo("2.5");
        assertThat(model.offer("azure")).isPresent();
        assertThat(merged.models()).hasSameSizeAs(SHIPPED.models());
    }

    @Test
    void mistakesStopTheLoadNamingTheEntry() {
        assertThatThrownBy(() -> CatalogLoaderAccess.load(List.of(yaml("""
                token_families: {t: {encoding: o200k_base, exact: true}}
                models:
                  m:
                    token_family: t
                    offers:
                      together:
                        model_id: x
                        price_per_million_tokens: -1
                        epochs: {min: 1, max: 3}
                        max_tokens_per_example: 10
                        max_file_bytes: 10
                """)))).hasMessageContaining("m/together").hasMessageContaining("negative");
        assertThatThrownBy(() -> CatalogLoaderAccess.load(List.of(yaml("models: {m: {token_family: t, prize: 1}}"))))
                .hasMessageContaining("cannot be read");
        assertThatThrownBy(() -> CatalogLoaderAccess.load(List.of(yaml("models: {m: {token_family: nope, offers: {}}}"))))
                .hasMessageContaining("token family 'nope'");
    }

    @Test
    void autoEpochsFollowOpenAisHeuristicWithinTheProvidersBounds() {
        EpochRule openAi = new EpochRule(1, 50, null);
        assertThat(openAi.resolveAuto(5L).epochs()).isEqualTo(20);        // the cookbook's example
        assertThat(openAi.resolveAuto(2L).epochs()).isEqualTo(25);        // 100 // 2 = 50, capped at 25
        assertThat(openAi.resolveAuto(100L).epochs()).isEqualTo(3);
        assertThat(openAi.resolveAuto(10_000L).epochs()).isEqualTo(2);    // 25,000 // 10,000
        assertThat(openAi.resolveAuto(100_000L).epochs()).isEqualTo(1);
        assertThat(openAi.resolveAuto(null).epochs()).isEqualTo(3);
        assertThat(new EpochRule(1, 10, null).resolveAuto(5L).epochs()).isEqualTo(10); // clamped to the provider
        assertThat(new EpochRule(1, 10, 2).resolveAuto(5L).epochs()).isEqualTo(2);     // the provider's own rule
        assertThat(new EpochRule(1, 10, 2).resolveAuto(5L).basis()).contains("provider's default");
    }

    private static ByteArrayResource yaml(String text) {
        return new ByteArrayResource(text.getBytes(StandardCharsets.UTF_8), "test catalog");
    }
}
