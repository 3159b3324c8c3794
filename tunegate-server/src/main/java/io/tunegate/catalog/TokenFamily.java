package io.tunegate.catalog;

/**
 * How a model's tokens are counted.
 *
 * @param encoding the tiktoken encoding that counts them (jtokkit bundles o200k_base and cl100k_base)
 * @param exact    true when that encoding is the model's own tokenizer
 * @param factor   the model's tokens per counted token, calibrated against the real tokenizer when
 *                 {@code exact} is false (1.0 when exact)
 */
public record TokenFamily(String name, String encoding, boolean exact, double factor) {

    public TokenFamily {
        if (!(factor > 0)) {
            throw new IllegalArgumentException("token family " + name + ": factor must be positive");
        }
    }

    /** Tokens of this model for a count made with {@link #encoding()}; rounded up, so budgets err high. */
    public long scale(long counted) {
        return exact || factor == 1.0 ? counted : (long) Math.ceil(counted * factor);
    }

    /**
     * A per-example limit in the tokens a count made with {@code countedWith} has: an approximate family's
     * limit of L model tokens is about L / factor counted tokens.
     */
    public int countedLimit(int limit, String countedWith) {
        if (exact || factor == 1.0 || !encoding.equals(countedWith)) {
            return limit;
        }
        return (int) Math.floor(limit / factor);
    }

    public String exactness() {
        return exact ? "exact" : "approximate";
    }
}
