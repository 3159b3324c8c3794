package io.tunegate.provider;

public record SubmittedJob(String providerJobId, ProviderJobState state, String rawStatus) {
}
