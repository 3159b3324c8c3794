package io.tunegate.webhook.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * Outgoing webhooks.
 *
 * @param allowedPrivateNetworks CIDRs, addresses or host names receivers may have although they are not public.
 *                               Unset: none, except on the embedded default, where loopback is allowed so a
 *                               receiver on the same machine works out of the box
 * @param allowPlainHttp         whether {@code http://} receivers are accepted. Unset: only on the embedded default
 * @param timeout                connect and read timeout of one delivery attempt
 * @param secretOverlap          how long a rotated-out secret keeps signing beside the new one
 * @param retrySchedule          when each attempt is made, counted from the previous one (the first from the
 *                               event); after the last the delivery is failed. Each wait gets up to 10 % jitter
 */
@ConfigurationProperties("tunegate.webhooks")
public record WebhookSettings(List<String> allowedPrivateNetworks, Boolean allowPlainHttp,
                              @DefaultValue("15s") Duration timeout, @DefaultValue("24h") Duration secretOverlap,
                              @DefaultValue({"0s", "5s", "5m", "30m", "2h", "5h", "10h", "10h"})
                              List<Duration> retrySchedule) {
}
