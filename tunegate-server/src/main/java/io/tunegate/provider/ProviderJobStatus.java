package io.tunegate.provider;

/** A provider's answer about one job's state, as a pause or resume call returns it. */
public record ProviderJobStatus(ProviderJobState state, String rawStatus) {
}
