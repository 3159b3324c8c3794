package io.tunegate.provider;

/**
 * A provider told us (a signed push) that one of its jobs changed: whoever follows that job should look at it
 * now instead of at its next poll.
 */
public record ProviderJobChanged(String provider, String providerJobId) {
}
