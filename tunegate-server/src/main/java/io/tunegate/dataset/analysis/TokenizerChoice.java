package io.tunegate.dataset.analysis;

import com.knuddels.jtokkit.api.EncodingType;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Which tiktoken encoding counts tokens, and whether that count is the model's own.
 *
 * @param encoding a tiktoken encoding name that jtokkit bundles, e.g. {@code o200k_base}
 * @param exact    true when the model really uses this encoding; false when it only approximates
 *                 another tokenizer (Llama, Mistral, Qwen ... counts then differ by some percent)
 */
public record TokenizerChoice(String encoding, boolean exact) {

    static final String O200K = "o200k_base";
    static final String CL100K = "cl100k_base";

    // Order matters: "gpt-4o" and "gpt-4.1" must win over the bare "gpt-4" rule below.
    private static final Pattern O200K_MODELS =
            Pattern.compile("^(chatgpt-4o|gpt-4o|gpt-4\\.1|gpt-4\\.5|gpt-5).*|^o[134](-.*)?$");
    private static final Pattern CL100K_MODELS =
            Pattern.compile("^(gpt-4|gpt-3\\.5-turbo|gpt-35-turbo)(-.*)?$|^(davinci-002|babbage-002)$");

    public TokenizerChoice {
        Objects.requireNonNull(encoding, "encoding");
        if (EncodingType.fromName(encoding).isEmpty()) {
            throw new IllegalArgumentException("unknown tiktoken encoding: " + encoding);
        }
    }

    /**
     * o200k_base for gpt-4o*, gpt-4.1*, gpt-4.5*, o1/o3/o4*, gpt-5*; cl100k_base for gpt-4 / gpt-3.5-turbo
     * (and davinci-002 / babbage-002); any other model gets an approximation ({@code exact=false}) with
     * o200k_base counts. A fine-tuned name ({@code ft:gpt-4o-mini:org::id}) counts as its base model.
     */
    public static TokenizerChoice forModel(String baseModel) {
        String model = normalize(baseModel);
        if (O200K_MODELS.matcher(model).matches()) {
            return new TokenizerChoice(O200K, true);
        }
        if (CL100K_MODELS.matcher(model).matches()) {
            return new TokenizerChoice(CL100K, true);
        }
        return new TokenizerChoice(O200K, false);
    }

    /** "exact" or "approximate", as the report shows it. */
    String exactness() {
        return exact ? "exact" : "approximate";
    }

    private static String normalize(String baseModel) {
        if (baseModel == null) {
            return "";
        }
        String model = baseModel.strip().toLowerCase(Locale.ROOT);
        if (model.startsWith("ft:")) {
            model = model.substring(3);
            int colon = model.indexOf(':');
            model = colon < 0 ? model : model.substring(0, colon);
        }
        // "openai/gpt-4o" style provider prefixes name the same model.
        return model.substring(model.lastIndexOf('/') + 1);
    }
}
