package io.tunegate.job.internal;

import io.tunegate.job.JobRequest;
import io.tunegate.platform.web.ApiException;
import io.tunegate.platform.web.FieldViolation;
import io.tunegate.platform.web.Inputs;
import io.tunegate.provider.Hyperparameters;
import io.tunegate.provider.ProviderNames;
import io.tunegate.provider.Providers;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks a job request and names every wrong field at once, as the wire spells it. */
@Component
class JobRequestValidator {

    /** job_name names the registered model and appears in URLs: keep it URL-safe. */
    private static final Pattern JOB_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern NO_SPACE = Pattern.compile("\\S+");
    private static final int MAX_REFERENCE = 2048;
    private static final int MAX_FALLBACKS = 8;
    private static final int MAX_METADATA = 16;
    private static final BigDecimal MAX_BUDGET = BigDecimal.valueOf(1_000_000_000);

    private final Providers providers;

    JobRequestValidator(Providers providers) {
        this.providers = providers;
    }

    record Valid(Hyperparameters hyperparameters, String provider, List<String> fallbacks) {
    }

    Valid validate(JobRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        if (isBlank(request.jobName())) {
            violations.add(new FieldViolation("job_name", "is required"));
        } else if (!JOB_NAME.matcher(request.jobName()).matches()) {
            violations.add(new FieldViolation("job_name",
                    "must be 1-128 letters, digits, '.', '_' or '-', starting with a letter or digit"));
        }
        if (isBlank(request.baseModel())) {
            violations.add(new FieldViolation("base_model", "is required"));
        } else if (request.baseModel().length() > 256 || !NO_SPACE.matcher(request.baseModel()).matches()) {
            violations.add(new FieldViolation("base_model", "must be at most 256 characters without spaces"));
        }
        reference("training_data", request.trainingData(), true, violations);
        reference("validation_data", request.validationData(), false, violations);
        Hyperparameters hyperparameters = HyperparametersParser.parse(request.hyperparameters(), violations);

        String provider = isBlank(request.provider()) ? ProviderNames.AUTO : request.provider();
        if (!ProviderNames.AUTO.equals(provider) && !ProviderNames.isKnown(provider)) {
            violations.add(new FieldViolation("provider", "unknown provider '" + provider + "'; use \"auto\" or one of "
                    + ProviderNames.KNOWN));
        }
        List<String> fallbacks = request.fallbackProviders() == null ? List.of() : request.fallbackProviders();
        if (fallbacks.size() > MAX_FALLBACKS) {
            violations.add(new FieldViolation("fallback_providers", "at most " + MAX_FALLBACKS + " providers"));
        }
        var seen = new HashSet<String>();
        for (int i = 0; i < fallbacks.size(); i++) {
            String name = fallbacks.get(i);
            if (name == null || !ProviderNames.isKnown(name)) {
                violations.add(new FieldViolation("fallback_providers[" + i + "]", "unknown provider '" + name
                        + "'; known: " + ProviderNames.KNOWN));
            } else if (!seen.add(name)) {
                violations.add(new FieldViolation("fallback_providers[" + i + "]", "'" + name + "' is listed twice"));
            }
        }
        controlCharacters(request, violations);
        budget(request.budgetLimit(), violations);
        webhook(request.webhookUrl(), violations);
        metadata(request.metadata(), violations);
        providerOptions(request.providerOptions(), violations);
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations);
        }
        return new Valid(hyperparameters, provider, List.copyOf(fallbacks));
    }

    private static void controlCharacters(JobRequest request, List<FieldViolation> violations) {
        Map<String, Object> fields = new java.util.LinkedHashMap<>();
        fields.put("base_model", request.baseModel());
        fields.put("training_data", request.trainingData());
        fields.put("validation_data", request.validationData());
        fields.put("provider", request.provider());
        fields.put("webhook_url", request.webhookUrl());
        fields.put("fallback_providers", request.fallbackProviders());
        fields.put("metadata", request.metadata());
        fields.put("hyperparameters", request.hyperparameters());
        fields.put("provider_options", request.providerOptions());
        fields.forEach((field, value) -> {
            if (Inputs.anyControlCharacters(value)) {
                violations.add(new FieldViolation(field, "must not contain control characters"));
            }
        });
    }

    private static void reference(String field, String value, boolean required, List<FieldViolation> violations) {
        if (isBlank(value)) {
            if (required) {
                violations.add(new FieldViolation(field, "is required"));
            }
        } else if (value.length() > MAX_REFERENCE) {
            violations.add(new FieldViolation(field, "must be at most " + MAX_REFERENCE + " characters"));
        } else {
            io.tunegate.dataset.DatasetRef.checkReference(value)
                    .ifPresent(problem -> violations.add(new FieldViolation(field, problem)));
        }
    }

    private static void budget(BigDecimal budget, List<FieldViolation> violations) {
        if (budget != null && (budget.signum() < 0 || budget.compareTo(MAX_BUDGET) > 0
                || budget.stripTrailingZeros().scale() > 6)) {
            violations.add(new FieldViolation("budget_limit",
                    "must be an amount in USD from 0 to 1,000,000,000 with at most 6 decimals"));
        }
    }

    private static void webhook(String url, List<FieldViolation> violations) {
        if (url == null) {
            return;
        }
        try {
            URI uri = new URI(url);
            boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            if (!http || uri.getHost() == null || url.length() > MAX_REFERENCE) {
                violations.add(new FieldViolation("webhook_url", "must be an absolute http or https URL"));
            }
        } catch (URISyntaxException e) {
            violations.add(new FieldViolation("webhook_url", "must be an absolute http or https URL"));
        }
    }

    private static void metadata(Map<String, String> metadata, List<FieldViolation> violations) {
        if (metadata == null) {
            return;
        }
        if (metadata.size() > MAX_METADATA) {
            violations.add(new FieldViolation("metadata", "at most " + MAX_METADATA + " keys"));
        }
        metadata.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > 64) {
                violations.add(new FieldViolation("metadata." + key, "keys must be 1-64 characters"));
            }
            if (value == null || value.length() > 512) {
                violations.add(new FieldViolation("metadata." + key, "values must be strings of at most 512 characters"));
            }
        });
    }

    private void providerOptions(Map<String, Map<String, Object>> options, List<FieldViolation> violations) {
        if (options == null) {
            return;
        }
        options.forEach((name, value) -> {
            if (!ProviderNames.isKnown(name)) {
                violations.add(new FieldViolation("provider_options." + name, "unknown provider"));
            } else if (value == null) {
                violations.add(new FieldViolation("provider_options." + name, "must be an object"));
            } else {
                try {
                    providers.find(name).ifPresent(adapter -> adapter.validateOptions(value));
                } catch (ApiException e) {
                    violations.addAll(e.violations());
                }
            }
        });
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
