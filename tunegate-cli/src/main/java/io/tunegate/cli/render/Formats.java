package io.tunegate.cli.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How numbers, money, sizes and times read in text output. Locale-independent on purpose. */
public final class Formats {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Formats() {
    }

    /** 1843200 → {@code 1,843,200}; null → {@code -}. */
    public static String count(Number n) {
        return n == null ? "-" : String.format(Locale.ROOT, "%,d", n.longValue());
    }

    /** At least two decimals, at most six (the gateway keeps micro-dollars): {@code 5.5296 USD}. */
    public static String usd(BigDecimal amount) {
        return amount == null ? "-" : amount(amount) + " USD";
    }

    /** {@link #usd} without the unit, for a column whose header names it: {@code 5.5296}. */
    public static String amount(BigDecimal amount) {
        if (amount == null) {
            return "-";
        }
        BigDecimal rounded = amount.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.scale() < 2) {
            rounded = rounded.setScale(2, RoundingMode.UNNECESSARY);
        }
        return rounded.toPlainString();
    }

    /** Decimal units (kB = 1000 bytes), one decimal above bytes: {@code 4.2 MB}. */
    public static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 999.95 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    public static String time(Instant instant) {
        return instant == null ? "-" : TIME.format(instant);
    }

    /** {@code 1h 02m 03s}, {@code 4m 05s}, {@code 7s}. */
    public static String duration(Duration d) {
        if (d == null) {
            return "-";
        }
        long s = Math.max(0, d.toSeconds());
        if (s >= 3600) {
            return String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, s % 3600 / 60, s % 60);
        }
        if (s >= 60) {
            return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        }
        return s + "s";
    }

    /** A loss or other metric: four decimals. */
    public static String decimal(Double value) {
        return value == null ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    /** Epochs: up to two decimals, no trailing zeros ({@code 1.5}, {@code 3}). */
    public static String epochs(Double value) {
        if (value == null) {
            return "-";
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
