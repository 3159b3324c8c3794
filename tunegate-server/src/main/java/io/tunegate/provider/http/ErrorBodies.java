package io.tunegate.provider.http;

import tools.jackson.databind.JsonNode;

import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the code and message out of the error bodies providers send, so a refusal can name the provider's
 * reason: OpenAI, Azure, Together and Google put an {@code error} object first ({@code message}, and
 * {@code code}, {@code status} or {@code type}); Bedrock sends {@code message} with the type in
 * {@code x-amzn-ErrorType}; Mistral's validation errors are a {@code detail} list; Fireworks may send
 * gRPC-gateway {@code {code, message}}.
 */
public final class ErrorBodies {

    private static final int MAX_MESSAGE = 1000;

    private ErrorBodies() {
    }

    public record Described(String code, String message) {
    }

    public static Described describe(int status, JsonNode body, String raw, HttpHeaders headers) {
        String code = null;
        String message = null;
        if (body != null && body.isObject()) {
            JsonNode error = body.path("error");
            if (error.isObject()) {
                message = JsonFields.text(error.path("message"));
                // Google's numeric code repeats the HTTP status; its canonical name is in "status"
                code = error.path("code").isNumber() && JsonFields.text(error.path("status")) != null
                        ? JsonFields.text(error.path("status"))
                        : JsonFields.firstText(error.path("code"), error.path("status"), error.path("type"));
            } else if (error.isString()) {
                code = error.asString();
            }
            if (message == null) {
                message = JsonFields.text(body.path("message"));
            }
            if (message == null) {
                message = detail(body.path("detail"));
            }
            if (code == null) {
                code = JsonFields.firstText(body.path("code"), body.path("type"), body.path("status"));
            }
        }
        if (code == null) {
            code = headers.firstValue("x-amzn-ErrorType").map(t -> t.split(":", 2)[0]).orElse(null);
        }
        if (message == null) {
            message = raw == null || raw.isBlank() ? "HTTP " + status : raw.strip();
        }
        return new Described(code == null ? "http_" + status : code, shorten(message));
    }

    private static String detail(JsonNode detail) {
        if (detail.isString()) {
            return detail.asString();
        }
        if (!detail.isArray()) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        for (JsonNode item : detail) {
            String msg = JsonFields.text(item.path("msg"));
            if (msg != null) {
                List<String> loc = new ArrayList<>();
                item.path("loc").forEach(l -> loc.add(l.asString()));
                parts.add(loc.isEmpty() ? msg : String.join(".", loc) + ": " + msg);
            }
        }
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String shorten(String message) {
        return message.length() <= MAX_MESSAGE ? message : message.substring(0, MAX_MESSAGE) + "…";
    }
}
