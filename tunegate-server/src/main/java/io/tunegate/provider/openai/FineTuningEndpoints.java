package io.tunegate.provider.openai;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where the OpenAI-shaped fine-tuning API lives: OpenAI's base URL, or an Azure OpenAI resource, which adds
 * {@code api-version} to every call.
 */
@FunctionalInterface
public interface FineTuningEndpoints {

    /**
     * @param path  from the API root, starting with {@code /} ({@code /fine_tuning/jobs}); ids already encoded
     * @param query already encoded ({@code limit=100&after=x}), or null
     */
    URI uri(String path, String query);

    static FineTuningEndpoints at(String baseUrl) {
        String base = strip(baseUrl);
        return (path, query) -> URI.create(base + path + (query == null || query.isEmpty() ? "" : "?" + query));
    }

    static FineTuningEndpoints at(String baseUrl, String apiVersion) {
        String base = strip(baseUrl);
        String version = "api-version=" + encode(apiVersion);
        return (path, query) -> URI.create(base + path + "?" + (query == null || query.isEmpty() ? version
                : query + "&" + version));
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String strip(String baseUrl) {
        return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }
}
