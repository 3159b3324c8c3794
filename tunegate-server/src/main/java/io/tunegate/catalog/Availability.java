package io.tunegate.catalog;

/**
 * Whether an offer takes new training jobs on a given day.
 *
 * @param reason why not, naming the date; null when open
 */
public record Availability(boolean open, String reason) {

    static final Availability OPEN = new Availability(true, null);

    static Availability closed(String reason) {
        return new Availability(false, reason);
    }
}
