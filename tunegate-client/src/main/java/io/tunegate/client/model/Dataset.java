package io.tunegate.client.model;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An uploaded dataset with its validation report. {@code status} is {@code valid} or {@code invalid}; jobs accept
 * only valid ones. {@code report} and {@code providerChecks} are absent (null, empty) in lists.
 *
 * @param baseModel the base model the upload was analyzed for, as given; null when none was
 */
public record Dataset(String id, String object, String filename, long bytes, String sha256, String status,
                      String format, long examples, String tokenizer, String baseModel, Instant createdAt,
                      Report report, List<ProviderCheck> providerChecks) {

    public Dataset {
        providerChecks = providerChecks == null ? List.of() : List.copyOf(providerChecks);
    }

    public boolean isValid() {
        return "valid".equals(status);
    }

    /**
     * What one pass over the file found.
     *
     * @param format   {@code chat}, {@code preference}, {@code prompt_completion}, {@code mixed} or {@code unknown}
     * @param errors   by kind; any error makes the file invalid
     * @param warnings by kind; they do not
     * @param roles    messages per recognized role
     */
    public record Report(String format, long lines, long examples, long bytes, boolean valid,
                         Map<String, Issue> errors, Map<String, Issue> warnings, TokenStats tokens,
                         Map<String, Long> roles) {

        public Report {
            // kept in the server's order (sorted by kind)
            errors = errors == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(errors));
            warnings = warnings == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(warnings));
            roles = roles == null ? Map.of() : Map.copyOf(roles);
        }
    }

    /** Lines with one kind of issue: how many, and the first 20 line numbers (1-based). */
    public record Issue(long count, List<Long> lines) {
        public Issue {
            lines = lines == null ? List.of() : List.copyOf(lines);
        }
    }

    /** Token counts per example (percentiles nearest-rank); {@code exactness} is {@code exact} or {@code approximate}. */
    public record TokenStats(String tokenizer, String exactness, long total, long min, double mean, long p50,
                             long p95, long max, long overLimit, int limitPerExample, long billablePerEpoch,
                             Map<Integer, Long> billableByLimit, Map<Integer, Long> overByLimit) {

        public TokenStats {
            billableByLimit = billableByLimit == null ? Map.of() : Map.copyOf(billableByLimit);
            overByLimit = overByLimit == null ? Map.of() : Map.copyOf(overByLimit);
        }
    }

    /** Whether one provider's offer of the base model would take the file as it is. */
    public record ProviderCheck(String provider, String providerModel, boolean ok, List<String> problems,
                                List<String> warnings) {

        public ProviderCheck {
            problems = problems == null ? List.of() : List.copyOf(problems);
            warnings = warnings == null ? List.of() : List.copyOf(warnings);
        }
    }
}
