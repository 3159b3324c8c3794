package io.tunegate.dataset.analysis;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static io.tunegate.dataset.analysis.Jsonl.VALID_CHAT;
import static io.tunegate.dataset.analysis.Jsonl.lines;
import static org.assertj.core.api.Assertions.assertThat;

/** The report is stored and served as JSON with the app's settings: snake_case, unknown properties rejected. */
class ReportJsonTest {

    private static final JsonMapper APP_JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    @Test
    void roundTripsThroughSnakeCaseJson() {
        DatasetReport report = Jsonl.analyze(lines(VALID_CHAT, "{oops", "", "{\"prompt\":\"a\",\"completion\":\"b\"}", VALID_CHAT));

        String json = APP_JSON.writeValueAsString(report);
        JsonNode tree = APP_JSON.readTree(json);

        assertThat(APP_JSON.readValue(json, DatasetReport.class)).isEqualTo(report);
        assertThat(tree.get("tokens").has("billable_per_epoch")).isTrue();
        assertThat(tree.get("tokens").has("limit_per_example")).isTrue();
        assertThat(tree.get("tokens").has("over_limit")).isTrue();
        assertThat(tree.get("errors").get("invalid_json").get("lines").get(0).asLong()).isEqualTo(2);
        assertThat(tree.get("errors").propertyNames()).containsExactly("invalid_json", "mixed_formats");
    }
}
