package io.tunegate.openaiapi;

import tools.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Tunegate's problem+json answers in OpenAI's error shape. The status stays; {@code type} is OpenAI's
 * ({@code invalid_request_error} for client errors as OpenAI sends even for a bad key, {@code server_error}
 * for 5xx); {@code param} is the first wrong field, renamed to what this surface calls it; {@code code} is the
 * problem type in snake_case, or OpenAI's own code where one exists ({@code invalid_api_key}).
 */
final class OpenAiErrors {

    /** OpenAI's SDKs read this header: false stops them retrying an answer that will not change (e.g. a 409). */
    static final String SHOULD_RETRY = "x-should-retry";

    /** Fields of {@code /v1}'s job request and what an OpenAI request calls them. */
    private static final Map<String, String> PARAMS = Map.of(
            "base_model", "model",
            "training_data", "training_file",
            "validation_data", "validation_file",
            "job_name", "suffix",
            "provider", "metadata.tunegate_provider",
            "fallback_providers", "metadata.tunegate_fallback_providers",
            "budget_limit", "metadata.tunegate_budget_limit",
            "hyperparameters.epochs", "hyperparameters.n_epochs",
            "body", "file");

    private OpenAiErrors() {
    }

    static String typeFor(int status) {
        if (status == 402) {
            return "insufficient_quota";
        }
        return status >= 500 ? "server_error" : "invalid_request_error";
    }

    /** 408 and 429 are worth another try; any other client error answers the same again. */
    static boolean retryable(int status) {
        return status >= 500 || status == 408 || status == 429;
    }

    /** As {@link #retryable(int)}, but a provider's refusal passed on (502 {@code provider_error}) is final too. */
    static boolean retryable(int status, String code) {
        return retryable(status) && !"provider_error".equals(code);
    }

    /** Converts a problem+json body; {@code problem} may be null when the body was not JSON. */
    static OpenAiError fromProblem(int status, JsonNode problem) {
        String detail = text(problem, "detail");
        String slug = text(problem, "type");
        List<String> fields = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        JsonNode errors = problem == null ? null : problem.get("errors");
        if (errors != null && errors.isArray()) {
            for (JsonNode error : errors) {
                String field = param(text(error, "field"));
                fields.add(field);
                messages.add(field + ": " + text(error, "message"));
            }
        }
        String message = !messages.isEmpty() ? String.join("; ", messages)
                : detail != null ? detail : "HTTP " + status;
        String code = status == 401 ? "invalid_api_key" : code(slug);
        return OpenAiError.of(message, typeFor(status), fields.isEmpty() ? null : fields.getFirst(), code);
    }

    static OpenAiError generic(int status, String message) {
        return OpenAiError.of(message == null || message.isBlank() ? "HTTP " + status : message, typeFor(status),
                null, status == 401 ? "invalid_api_key" : null);
    }

    /** {@code training_data} -> {@code training_file}, {@code fallback_providers[1]} -> the metadata key. */
    static String param(String field) {
        if (field == null) {
            return null;
        }
        String base = field.replaceFirst("\\[\\d+]$", "");
        String renamed = PARAMS.get(base);
        if (renamed != null) {
            return renamed;
        }
        return PARAMS.getOrDefault(field, field);
    }

    /** {@code https://tunegate.dev/problems/budget-exceeded} -> {@code budget_exceeded}. */
    private static String code(String typeUri) {
        if (typeUri == null || "about:blank".equals(typeUri)) {
            return null;
        }
        String slug = typeUri.substring(typeUri.lastIndexOf('/') + 1);
        return slug.isBlank() ? null : slug.replace('-', '_');
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
