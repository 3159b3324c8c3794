package io.tunegate.catalog;

/**
 * A provider's epoch bounds and what {@code n_epochs: "auto"} means there.
 *
 * @param auto {@code null} for OpenAI's heuristic, or the fixed default the provider documents
 */
public record EpochRule(int min, int max, Integer auto) {

    // OpenAI's data-preparation guidance: aim for 3 epochs, keep epochs x examples within 100..25,000.
    static final int TARGET_EPOCHS = 3;
    static final int MIN_TARGET_EXAMPLES = 100;
    static final int MAX_TARGET_EXAMPLES = 25_000;
    static final int MIN_DEFAULT_EPOCHS = 1;
    static final int MAX_DEFAULT_EPOCHS = 25;

    public EpochRule {
        if (min < 1 || max < min) {
            throw new IllegalArgumentException("epochs: need 1 <= min <= max, got " + min + ".." + max);
        }
        if (auto != null && (auto < min || auto > max)) {
            throw new IllegalArgumentException("epochs: auto " + auto + " outside " + min + ".." + max);
        }
    }

    /** The epochs {@code "auto"} resolves to for a training file of {@code examples} examples (null: unknown). */
    public Resolved resolveAuto(Long examples) {
        if (auto != null) {
            return new Resolved(auto, "auto: the provider's default of " + auto);
        }
        if (examples == null || examples <= 0) {
            return new Resolved(clamp(TARGET_EPOCHS), "auto: OpenAI's target of " + TARGET_EPOCHS
                    + " (example count not known yet)");
        }
        int epochs = clamp(openAiHeuristic(examples));
        return new Resolved(epochs, "auto: OpenAI's heuristic for " + examples + " examples");
    }

    public boolean allows(int epochs) {
        return epochs >= min && epochs <= max;
    }

    static int openAiHeuristic(long examples) {
        if (examples * TARGET_EPOCHS < MIN_TARGET_EXAMPLES) {
            return (int) Math.min(MAX_DEFAULT_EPOCHS, MIN_TARGET_EXAMPLES / examples);
        }
        if (examples * TARGET_EPOCHS > MAX_TARGET_EXAMPLES) {
            return (int) Math.max(MIN_DEFAULT_EPOCHS, MAX_TARGET_EXAMPLES / examples);
        }
        return TARGET_EPOCHS;
    }

    private int clamp(int epochs) {
        return Math.clamp(epochs, min, max);
    }

    /** @param basis how the number was reached, in words */
    public record Resolved(int epochs, String basis) {
    }
}
