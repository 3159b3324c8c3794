package io.tunegate.cli;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import io.tunegate.cli.render.Progress;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a command writes: results on stdout (text for people, or {@code --json}), progress and messages on
 * stderr.
 */
final class Output {

    /**
     * The API's own spelling: snake_case, RFC 3339 instants. Record components only: helper methods of the
     * client's records ({@code isTerminal()}, {@code isValid()}) are not fields of the API.
     */
    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .changeDefaultVisibility(visibility -> visibility
                    .withVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                    .withVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY))
            .changeDefaultPropertyInclusion(include -> include.withValueInclusion(JsonInclude.Include.ALWAYS))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final CliEnvironment environment;
    private final boolean json;
    private final Progress.Mode progressMode;

    Output(CliEnvironment environment, boolean json, Progress.Mode progressMode) {
        this.environment = environment;
        this.json = json;
        this.progressMode = progressMode;
    }

    boolean json() {
        return json;
    }

    /** Prints the value as JSON on stdout. */
    void printJson(Object value) {
        environment.out().println(JSON.writeValueAsString(value));
        environment.out().flush();
    }

    /** Prints text for people on stdout (already ending in a newline, or given one). */
    void print(String text) {
        environment.out().print(text.endsWith("\n") ? text : text + "\n");
        environment.out().flush();
    }

    /** A message on stderr, never mixed into results. */
    void message(String text) {
        environment.err().println(text);
        environment.err().flush();
    }

    Progress progress() {
        return progressMode.on(environment.err());
    }
}
