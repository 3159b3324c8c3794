package io.tunegate.provider.http;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The retry hints providers send: {@code retry-after-ms} (OpenAI, Together), {@code retry-after} in seconds or
 * as an HTTP date (everyone), and OpenAI's {@code x-should-retry: true|false}, which overrides the status code.
 */
public final class RetryHints {

    /** Hints beyond this are treated as "much later", not honoured to the second. */
    static final Duration MAX_HINT = Duration.ofHours(1);

    private RetryHints() {
    }

    public static Optional<Duration> retryAfter(HttpHeaders headers, Clock clock) {
        Optional<Duration> ms = headers.firstValue("retry-after-ms").flatMap(v -> parseNumber(v, 1));
        if (ms.isPresent()) {
            return ms;
        }
        return headers.firstValue("retry-after").flatMap(v -> parseNumber(v, 1000).or(() -> parseDate(v, clock)));
    }

    /** Empty when the provider did not say; true or false when it did. */
    public static Optional<Boolean> shouldRetry(HttpHeaders headers) {
        return headers.firstValue("x-should-retry").map(String::strip).flatMap(v -> switch (v.toLowerCase()) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        });
    }

    private static Optional<Duration> parseNumber(String value, long millisPerUnit) {
        try {
            double amount = Double.parseDouble(value.strip());
            if (!(amount >= 0) || Double.isInfinite(amount)) {
                return Optional.empty();
            }
            return Optional.of(cap(Duration.ofMillis((long) Math.ceil(amount * millisPerUnit))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseDate(String value, Clock clock) {
        try {
            ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration wait = Duration.between(clock.instant(), at.toInstant());
            return Optional.of(cap(wait.isNegative() ? Duration.ZERO : wait));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration cap(Duration wait) {
        return wait.compareTo(MAX_HINT) > 0 ? MAX_HINT : wait;
    }
}
