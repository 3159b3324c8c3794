package io.tunegate.dataset.translation;

/** The format a provider gets for a dataset, or why there is none (a refusal, not an error). */
public sealed interface TargetChoice {

    record Found(TargetFormat format) implements TargetChoice {
    }

    record None(String reason) implements TargetChoice {
    }
}
