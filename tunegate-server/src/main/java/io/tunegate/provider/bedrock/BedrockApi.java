package io.tunegate.provider.bedrock;

import io.tunegate.provider.TransientProviderException;
import io.tunegate.provider.http.JsonFields;
import io.tunegate.provider.http.ProviderHttp;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The Bedrock control-plane calls Tunegate makes (restJson1, reference §3.2-3.3). Job identifiers (an ARN or a
 * job name) are percent-encoded as one path segment: an ARN's {@code :} and {@code /} included, as the SDKs do.
 */
final class BedrockApi {

    private final ProviderHttp http;
    private final URI base;
    private final Duration timeout;

    BedrockApi(ProviderHttp http, URI base, Duration timeout) {
        this.http = http;
        this.base = base;
        this.timeout = timeout;
    }

    /** {@code CreateModelCustomizationJob}: 201 with only {@code {jobArn}}. */
    String create(Object body) {
        JsonNode created = http.postJson(URI.create(base + "/model-customization-jobs"), body);
        String arn = JsonFields.text(created.path("jobArn"));
        if (arn == null) {
            // the job may exist: the retry looks it up by name before creating again
            throw new TransientProviderException(http.provider(), http.provider()
                    + " answered POST /model-customization-jobs without a jobArn");
        }
        return arn;
    }

    JsonNode get(String jobIdentifier) {
        return http.get(job(jobIdentifier, ""));
    }

    /** The job of this ARN or name; empty when Bedrock has none (404). */
    Optional<JsonNode> find(String jobIdentifier) {
        URI uri = job(jobIdentifier, "");
        HttpResponse<String> response = http.exchange("GET", uri, null, BodyPublishers.noBody(), null, timeout);
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        return Optional.of(http.parse("GET", uri, http.checked(response)));
    }

    /** {@code StopModelCustomizationJob}: 200 {}. */
    void stop(String jobIdentifier) {
        http.post(job(jobIdentifier, "/stop"));
    }

    URI job(String jobIdentifier, String suffix) {
        return URI.create(base + "/model-customization-jobs/" + encodeSegment(jobIdentifier) + suffix);
    }

    /** RFC 3986 percent-encoding of everything but the unreserved characters. */
    static String encodeSegment(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_'
                    || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
