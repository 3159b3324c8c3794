package io.tunegate.provider;

import java.util.List;

/**
 * Every provider name a request may use, enabled on this gateway or not. {@code anthropic} means Anthropic
 * models on Bedrock. An unknown name is bad input; a known one that is off is a refusal that says so.
 */
public final class ProviderNames {

    public static final String AUTO = "auto";
    public static final String SANDBOX = "sandbox";
    public static final List<String> KNOWN = List.of(
            "openai", "azure", "bedrock", "anthropic", "vertex", "together", "fireworks", "mistral", "sandbox");

    private ProviderNames() {
    }

    public static boolean isKnown(String name) {
        return KNOWN.contains(name);
    }
}
